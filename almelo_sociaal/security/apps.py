from django.apps import AppConfig


class SecurityConfig(AppConfig):
    """Login protection (axes, TOTP), session control, retention purge and safe job enqueueing."""

    name = "almelo_sociaal.security"
    label = "security"
    verbose_name = "Beveiliging"

    def ready(self) -> None:
        from almelo_sociaal.core.nav import NavEntry, nav

        nav.register(
            NavEntry("API-tokens", "security:api-tokens", roles=("beheer",), order=96, section="beheer")
        )
        from django.contrib.auth.signals import user_logged_in, user_logged_out

        from . import sessions

        user_logged_in.connect(sessions.on_login, dispatch_uid="security.on_login")
        user_logged_out.connect(sessions.on_logout, dispatch_uid="security.on_logout")
