"""Settings, all driven by the environment (documented in docs/configuration.md).

Safe local defaults: SQLite and eager Celery tasks, so `make run` needs no other service.
Production: DEBUG off (the default), SECRET_KEY required, DATABASE_URL and CELERY_BROKER_URL set.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", env_bool("DEBUG", False))
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if DEBUG:
        SECRET_KEY = "dev-only-insecure-key-used-because-DEBUG-is-on"  # noqa: S105 - local only
    else:
        raise ImproperlyConfigured(
            "SECRET_KEY is verplicht wanneer DEBUG uit staat (zie docs/configuration.md)."
        )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",  # the form widgets' templates, for FORM_RENDERER
    "django.contrib.humanize",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "almelo_sociaal.core",
    "almelo_sociaal.accounts",
    "almelo_sociaal.audit",
    "almelo_sociaal.security",
    "almelo_sociaal.parameters",
    "almelo_sociaal.events",
    # domain apps, in dependency order
    "cases",
    "srt",
    "participation",
    "tegenprestatie",
    "bijstand",
    "budget",
    # top layer: composes the domain apps (app labels "jobs" and "dashboards")
    "operations.jobs",
    "operations.dashboards",
]

# Development tools need the dev dependencies (numpy): installed only where those are (tests, make bench,
# DEBUG), never in the production image, which installs requirements/production.txt only.
if DEBUG or importlib.util.find_spec("numpy") is not None:
    INSTALLED_APPS.append("devtools.scale")

# The domain apps, in dependency order: used for per-app demo data, parameters and API routes.
DOMAIN_APPS = ["cases", "srt", "participation", "tegenprestatie", "bijstand", "budget"]

MIDDLEWARE = [
    "almelo_sociaal.security.proxy.TrustedProxyMiddleware",  # first: forwarded headers only from our proxy
    "almelo_sociaal.core.health.HealthCheckMiddleware",  # before host validation: /healthz for any Host
    "django.middleware.security.SecurityMiddleware",
    "almelo_sociaal.api.middleware.ApiMiddleware",  # /api/: API-Version header, redirects of the old paths
    "almelo_sociaal.audit.trace.TraceContextMiddleware",  # W3C traceparent in, out and on the log rows
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "almelo_sociaal.security.middleware.SlidingSessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "almelo_sociaal.security.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "almelo_sociaal.audit.middleware.ReadLogMiddleware",  # one access-log row per client read (docs/security.md)
    "almelo_sociaal.core.middleware.LoginRequiredMiddleware",
    "almelo_sociaal.core.middleware.SecurityHeadersMiddleware",
    "axes.middleware.AxesMiddleware",  # turns a lockout into the login page with a message
    "almelo_sociaal.core.middleware.FriendlyErrorPagesMiddleware",  # DEBUG + FRIENDLY_ERROR_PAGES only (make run)
]
# `make run` (DEBUG) shows the friendly 404/500 pages, not Django's debug pages (core.middleware).
FRIENDLY_ERROR_PAGES = env_bool("FRIENDLY_ERROR_PAGES", False)

ROOT_URLCONF = "almelo_sociaal.urls"
WSGI_APPLICATION = "almelo_sociaal.wsgi.application"
ASGI_APPLICATION = "almelo_sociaal.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "almelo_sociaal.accounts.context_processors.roles",
                "almelo_sociaal.core.nav.navigation",
            ],
        },
    },
]

FORM_RENDERER = "almelo_sociaal.core.forms.FormRenderer"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
IS_POSTGRES = DATABASES["default"]["ENGINE"].endswith("postgresql")
if not IS_POSTGRES:
    DATABASES["default"]["OPTIONS"] = {"timeout": 20}
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
# The model whose rows are "a client" for the foundation's access log (AccessLog.client). The wiring names it, as
# it names the user model, so the foundation (audit) refers to no domain app (docs/DEVELOPING.md, "Layers").
AUDIT_CLIENT_MODEL = "cases.Client"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
WHITENOISE_USE_FINDERS = DEBUG  # local runs serve straight from static/ without collectstatic
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("STATIC_MANIFEST", not DEBUG and not os.environ.get("PYTEST_VERSION"))
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# --- Sessions and security (production values driven by env; see docs/configuration.md) ---
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(30 * 60)))  # 30 min inactivity
# Sliding expiry without a write per request: almelo_sociaal.security.middleware.SlidingSessionMiddleware saves
# a logged-in session when it was refreshed SESSION_REFRESH_SECONDS ago or more (docs/security.md).
SESSION_SAVE_EVERY_REQUEST = False
SESSION_REFRESH_SECONDS = int(os.environ.get("SESSION_REFRESH_SECONDS", "60"))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
# The reverse proxies whose X-Forwarded-For/-Proto we believe (addresses or networks, comma-separated). From any
# other peer those headers are removed (security/proxy.py), so a client cannot choose its own address for the
# login lockout or claim HTTPS. Empty (the default): no proxy, the headers are never believed.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", "")
if env_bool("BEHIND_PROXY", False) and not TRUSTED_PROXIES:
    raise ImproperlyConfigured(
        "BEHIND_PROXY=1 vraagt om TRUSTED_PROXIES: de adressen van de reverse proxy (zie docs/configuration.md)."
    )
if TRUSTED_PROXIES:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# --- Login protection (almelo_sociaal.security; see docs/security.md) ---
AUTHENTICATION_BACKENDS = [
    "almelo_sociaal.security.backends.WebLoginAxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = int(os.environ.get("AXES_COOLOFF_MINUTES", "15")) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_HTTP_RESPONSE_CODE = 429
AXES_LOCKOUT_CALLABLE = "almelo_sociaal.security.lockout.lockout_response"
AXES_CLIENT_IP_CALLABLE = "almelo_sociaal.security.proxy.client_ip"
OTP_TOTP_ISSUER = "Almelo Sociaal"
RETENTION_PURGE_APPLY = env_bool("RETENTION_PURGE_APPLY", False)  # the Celery task deletes only when on

# --- REST API ---
# The conventions of docs/DEVELOPING.md "Adding an API endpoint" are set here and in almelo_sociaal/api/,
# once for every endpoint: JSON only, problem details, camelCase query parameters, the OpenAPI rules.
API_VERSION = "1.1.0"  # the full version: the API-Version header and info.version; the major is in the URL
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "almelo_sociaal.accounts.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["almelo_sociaal.accounts.permissions.RolePermission"],
    "DEFAULT_FILTER_BACKENDS": ["almelo_sociaal.api.filters.FilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "almelo_sociaal.api.pagination.IdCursorPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "almelo_sociaal.api.schema.AutoSchema",
    "EXCEPTION_HANDLER": "almelo_sociaal.api.errors.exception_handler",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],  # request bodies are JSON only
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "almelo_sociaal.api.negotiation.ContentNegotiation",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    "DEFAULT_THROTTLE_RATES": {"anon": "30/min"},
    "COERCE_DECIMAL_TO_STRING": True,
}
if DEBUG:
    REST_FRAMEWORK["DEFAULT_RENDERER_CLASSES"].append("rest_framework.renderers.BrowsableAPIRenderer")

# The tags of the OpenAPI document (the first path segment) with their Dutch description. A tag without an
# entry is declared with a generated description (almelo_sociaal/api/schema.py); add one here.
API_TAGS = {
    "api": "Over de API zelf: het startpunt, het OpenAPI-document en het eigen account.",
    "aanvragen": "Aanvragen om een uitkering met hun behandeling: conceptbesluit, toetsing (vier ogen) "
    "en intrekken.",
    "budget": "BUIG-budget: begrotingsjaren, budgetbijstellingen, realisaties en prognoses (alleen toevoegen; "
    "een fout wordt met een nieuwe regel hersteld).",
    "clienten": "Cliënten (inwoners): registreren, wijzigen, zoeken op BSN, coach toewijzen en verhuizen.",
    "dossiers": "Uitkeringsdossiers, geopend bij toekenning, en hun beëindiging.",
    "participatie": "Participatie: profielen met voorgestelde groep, groepsindelingen, de instrumentencatalogus "
    "en trajecten.",
    "srt": "Sociale Recherche: signalen melden en beoordelen, onderzoeken met bevindingen, documenten en uitkomst.",
    "tegenprestatie": "Tegenprestatie: gastorganisaties, plaatsingen en urenregistratie per week.",
    "wijkteams": "De wijkteams (referentiegegevens).",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Almelo Sociaal API",
    "DESCRIPTION": (
        "REST API voor Werkplein-systemen: cliënten, aanvragen, uitkeringsdossiers, wijkteams, "
        "participatie, tegenprestatie, SRT en BUIG, volgens de NL API Design Rules.\n\n"
        "**Authenticatie**: een API-token van functioneel beheer in de header "
        "`Authorization: Bearer <sleutel>` (`Authorization: Token <sleutel>` werkt ook). Wat een token mag, "
        "staat per operatie onder `security` (de scopes).\n\n"
        "**Fouten**: `application/problem+json` (RFC 9457) met een vaste `code`, de Nederlandse `detail` en "
        "`invalidParams` per veld.\n\n"
        "**Conventies**: paden zonder slash aan het eind, queryparameters in lowerCamelCase, berichten in JSON, "
        "elke response met de header `API-Version`. Een W3C-`traceparent` wordt overgenomen (anders gemaakt) en "
        "teruggegeven; de inzage- en wijzigingslog noemen die trace-id (Logboek Dataverwerkingen). Het OpenAPI-document is openbaar: `/api/v1/openapi.json` "
        "en `/api/v1/openapi.yaml`. De paden van versie 1.0 (met slash, Engelse namen) verwijzen één release "
        "lang door (308)."
    ),
    "VERSION": API_VERSION,
    "CONTACT": {
        "name": "Gemeente Almelo, team Sociaal Domein (functioneel beheer)",
        "email": "functioneelbeheer.sociaal@almelo.nl",
        "url": "https://www.almelo.nl",
    },
    "LICENSE": {
        "name": "EUPL-1.2",
        "url": "https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12",
    },
    "SERVERS": [
        {"url": "/api/v1", "description": "Deze server (relatief: het document geldt voor elke omgeving)."}
    ],
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SCHEMA_PATH_PREFIX_TRIM": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "almelo_sociaal.api.schema.postprocess",
    ],
    "ENUM_NAME_OVERRIDES": {
        "BudgetRevisionKindEnum": "budget.models.RevisionKind",
        "RealisationSourceEnum": "budget.models.RealisationEntry.Source",
        "AanvraagStatusEnum": "cases.models.Aanvraag.Status",
        "BesluitEnum": "cases.models.Aanvraag.Besluit",
        "VoorliggendAfwegingEnum": "cases.models.Aanvraag.VoorliggendAfweging",
        "LeefgebiedEnum": "cases.models.Leefgebied",
        "PlacementStatusEnum": "tegenprestatie.models.Placement.Status",
        "SignalStatusEnum": "srt.rules.SignalStatus",
        "InvestigationStatusEnum": "srt.rules.InvestigationStatus",
        "SignalSourceEnum": "srt.rules.SignalSource",
        "SrtOutcomeEnum": "srt.rules.Outcome",
        "TrajectOutcomeEnum": "participation.models.Trajectory.Outcome",
    },
}

# --- Celery: eager when no broker is configured ---
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND") or None
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
# Beat wakes at least once a minute, so its schedule file stays fresh for the compose healthcheck (core/beat_health.py).
CELERY_BEAT_MAX_LOOP_INTERVAL = 60
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_connect_timeout": 2,
    "socket_timeout": 5,
}  # an unreachable Redis never hangs a page
CELERY_BEAT_SCHEDULE = {
    # Each job is idempotent (an upsert keyed on its period): a rerun or a retry never doubles a figure.
    "caseload-snapshot-daily": {"task": "jobs.caseload_snapshot", "schedule": crontab(minute=15, hour=2)},
    "caseload-snapshot-monthly": {
        "task": "jobs.monthly_caseload_snapshot",
        "schedule": crontab(minute=30, hour=2, day_of_month=1),
    },
    "due-work-daily": {"task": "jobs.due_work", "schedule": crontab(minute=0, hour=5)},
    # access log: monthly partitions ahead, months past the bewaartermijn removed (audit/partitions.py)
    "access-log-partitions-daily": {
        "task": "audit.maintain_access_log",
        "schedule": crontab(minute=30, hour=1),
    },
    "budget-recompute-monthly": {
        "task": "jobs.budget_recompute",
        "schedule": crontab(minute=0, hour=3, day_of_month=2),
    },
    # Tasks that could not reach the broker (Redis down) are offered again once it is back.
    "replay-failed-enqueues": {"task": "security.replay_failed_enqueues", "schedule": crontab(minute="*/5")},
}

# --- Domain policy settings (not legal amounts: those are effective-dated parameters) ---
SRT_INVESTIGATION_VISIBLE_TO_COACH = env_bool("SRT_INVESTIGATION_VISIBLE_TO_COACH", False)
API_TOKEN_DAYS = int(os.environ.get("API_TOKEN_DAYS", "365"))
# Events (almelo_sociaal/events): the CloudEvents "source" of this system and the first retry delay.
EVENTS_SOURCE = os.environ.get("EVENTS_SOURCE", "urn:nld:gemeente:almelo:sociaal")
EVENTS_RETRY_BASE_SECONDS = int(os.environ.get("EVENTS_RETRY_BASE_SECONDS", "30"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}, "axes": {"level": "WARNING"}},
}

SPECTACULAR_SETTINGS.update(
    {
        "SWAGGER_UI_DIST": "SIDECAR",
        "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
        "REDOC_DIST": "SIDECAR",
    }
)
