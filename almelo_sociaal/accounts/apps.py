from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "almelo_sociaal.accounts"
    label = "accounts"
    verbose_name = "Gebruikers en rollen"

    def ready(self) -> None:
        from almelo_sociaal.core.nav import NavEntry, nav

        nav.register(
            NavEntry(
                "Beheerscherm (admin)",
                "admin:index",
                roles=("beheer",),
                order=98,
                matches=("admin:*",),
                section="beheer",
            )
        )
        from django.db.models.signals import post_migrate

        from .roles import ensure_role_groups

        post_migrate.connect(ensure_role_groups, sender=self)

        from . import schema  # noqa: F401 - registers the OpenAPI extension of the token authentication
