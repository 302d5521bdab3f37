from django.apps import AppConfig


class ParticipationConfig(AppConfig):
    name = "participation"
    verbose_name = "Participatie"

    def ready(self) -> None:
        from almelo_sociaal.accounts.home import start_page
        from almelo_sociaal.core.nav import NavEntry, nav

        start_page.register(caseload_start_page)

        nav.register(
            NavEntry(
                "Participatie",
                "participation:list",
                roles=("coach", "coordinator", "matcher", "intaker", "beheer"),
                order=30,
                matches=("participation:*",),
            )
        )
        nav.register(
            NavEntry(
                "Participatie per wijkteam",
                "participation:dashboard",
                roles=("coordinator", "beheer"),
                order=34,
            )
        )
        from almelo_sociaal.audit.reads import register_with_history

        from . import models

        register_with_history(models.Profile, object_type="participatieprofiel")
        register_with_history(models.GroupAssignment, object_type="groepsindeling")
        register_with_history(models.Trajectory, object_type="traject")
        from almelo_sociaal.security.retention import retention_rules

        from . import retention

        retention_rules.register(retention.retention_rules)


def caseload_start_page(user) -> str | None:
    """A coach starts on the own active caseload (Participatie, filtered on "Mijn cliënten")."""
    from django.urls import reverse

    from almelo_sociaal.accounts.roles import Role, has_role

    return reverse("participation:list") if has_role(user, Role.COACH) else None
