from django.apps import AppConfig


class DashboardsConfig(AppConfig):
    name = "operations.dashboards"
    label = "dashboards"
    verbose_name = "Dashboards en momentopnamen"

    def ready(self) -> None:
        from almelo_sociaal.core.nav import NavEntry, nav

        nav.register(
            NavEntry("Dashboard", "dashboards:coordinator", roles=("coordinator", "beheer"), order=80)
        )
        nav.register(
            NavEntry(
                "Management", "dashboards:management", roles=("coordinator", "financien", "beheer"), order=82
            )
        )
