from django.apps import AppConfig


class BudgetConfig(AppConfig):
    name = "budget"
    verbose_name = "BUIG-budget"

    def ready(self) -> None:
        from almelo_sociaal.core.nav import NavEntry, nav

        nav.register(
            NavEntry(
                "BUIG-budget",
                "budget:overview",
                roles=("financien", "beheer", "coordinator"),
                order=70,
                matches=("budget:*",),
            )
        )
