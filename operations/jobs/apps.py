from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "operations.jobs"
    label = "jobs"
    verbose_name = "Taken en werkvoorraad"

    def ready(self) -> None:
        from almelo_sociaal.core.nav import NavEntry, nav

        nav.register(
            NavEntry(
                "Mijn werk",
                "jobs:inbox",
                roles=("coach", "intaker", "toetser", "coordinator", "financien", "matcher", "beheer"),
                order=10,
            )
        )
        nav.register(
            NavEntry(
                "Taken",
                "jobs:status",
                roles=("beheer",),
                order=94,
                matches=("jobs:status*", "jobs:run*"),
                section="beheer",
            )
        )
        from almelo_sociaal.audit.reads import register
        from budget.hooks import after_recompute

        from .models import WorkItem
        from .services import refresh_budget_work_items

        # a work item's message names the client
        register(WorkItem, object_type="werkvoorraad", personal_fields=("message",))
        # finance's alert follows every new forecast
        after_recompute.register(refresh_budget_work_items)
