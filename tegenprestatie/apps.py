from django.apps import AppConfig

from .terms import TERM


class TegenprestatieConfig(AppConfig):
    name = "tegenprestatie"
    verbose_name = TERM

    def ready(self) -> None:
        from almelo_sociaal.core.nav import NavEntry, nav

        from .terms import TERM

        nav.register(
            NavEntry(
                TERM,
                "tegenprestatie:placement-list",
                roles=("coach", "coordinator", "beheer", "gastorganisatie"),
                order=40,
                matches=("tegenprestatie:*",),
            )
        )
        nav.register(
            NavEntry(
                "Uren",
                "tegenprestatie:week-grid",
                roles=("coach", "gastorganisatie"),
                order=42,
                matches=("tegenprestatie:week-grid*",),
            )
        )
        from django.db.models.signals import post_migrate

        from almelo_sociaal.audit.reads import register_with_history
        from participation.hooks import register_trajectory_check

        from . import models

        register_with_history(models.Placement, object_type="plaatsing")
        register_with_history(models.HourLog, object_type="uren")
        register_with_history(models.Exemption, object_type="ontheffing")
        register_with_history(models.Sanction, object_type="maatregel")
        from almelo_sociaal.security.retention import retention_rules

        from . import retention

        retention_rules.register(retention.retention_rules)

        from .access import ensure_host_contact_group
        from .catalogue import ensure_activity_catalogue
        from .integration import check_trajectory_change

        register_trajectory_check(check_trajectory_change)

        post_migrate.connect(ensure_host_contact_group, sender=self)
        post_migrate.connect(ensure_activity_catalogue, sender=self)
