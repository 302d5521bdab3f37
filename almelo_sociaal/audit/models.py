from django.conf import settings
from django.db import models


class AccessLog(models.Model):
    """Who looked at (or exported) whose personal data, when. Append-only.

    Changes to client data are recorded by django-simple-history (before/after per field).

    No foreign-key constraints in the database: the log records what happened and is written on every read of
    personal data (a 50-row API page writes 50 rows), and the per-row constraint triggers were ~40% of that
    write (docs/benchmarks.md). Django's ``on_delete`` still applies: a user who saw personal data cannot be
    deleted (PROTECT), and a purged client's rows lose the link but keep the id in ``object_id``.
    """

    class Action(models.TextChoices):
        VIEW = "view", "Bekeken"
        SEARCH = "search", "Gezocht"
        EXPORT = "export", "Geëxporteerd"
        API = "api", "Opgevraagd via API"

    at = models.DateTimeField("tijdstip", auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        db_constraint=False,
        db_index=False,  # served by accesslog_user_at (user, -at)
    )
    action = models.CharField("handeling", max_length=10, choices=Action.choices)
    # The client model is named by the wiring (settings.AUDIT_CLIENT_MODEL, like AUTH_USER_MODEL), not by the
    # foundation: audit knows "a client" only as that setting and the read-log registry (reads.client_model()).
    client = models.ForeignKey(
        settings.AUDIT_CLIENT_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=True,
        db_constraint=False,
    )
    object_type = models.CharField("soort gegeven", max_length=60)
    object_id = models.CharField("id", max_length=40, blank=True)
    purpose = models.CharField("context", max_length=200, blank=True)
    # Logboek Dataverwerkingen: the processing activity (ProcessingActivity.code), the W3C trace id of the
    # request (audit/trace.py) and the API client's token, when the request came with one.
    processing_activity = models.CharField("verwerkingsactiviteit", max_length=60, blank=True)
    trace_id = models.CharField("trace-id", max_length=32, blank=True, db_index=True)
    api_token_id = models.IntegerField("API-token (id)", null=True, blank=True)

    class Meta:
        verbose_name = "inzage"
        verbose_name_plural = "inzagelog"
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["user", "-at"], name="accesslog_user_at")]

    def __str__(self) -> str:
        return f"{self.at:%d-%m-%Y %H:%M} {self.user} {self.get_action_display()} {self.object_type} {self.object_id}"


class ProcessingActivity(models.Model):
    """The register of verwerkingsactiviteiten (AVG art. 30), maintained by functioneel beheer: purpose and legal
    basis. A read-log row names the activity whose path prefix is the longest match of the request's path."""

    code = models.SlugField("code", max_length=60, unique=True)
    name = models.CharField("naam", max_length=200)
    purpose = models.TextField("doel")
    legal_basis = models.TextField("grondslag")
    path_prefixes = models.TextField(
        "padvoorvoegsels", blank=True, help_text="Eén per regel, bijv. /srt/ en /api/v1/srt/; / voor de rest."
    )
    active = models.BooleanField("actief", default=True)

    class Meta:
        verbose_name = "verwerkingsactiviteit"
        verbose_name_plural = "register van verwerkingsactiviteiten"
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    def prefixes(self) -> list[str]:
        return [line.strip() for line in self.path_prefixes.splitlines() if line.strip()]
