from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "operations.jobs"
    label = "jobs"
    verbose_name = "Taken en werkvoorraad"

    def ready(self) -> None:
        from almelo_sociaal.audit.reads import register

        from .models import WorkItem

        # a work item's message names the client
        register(WorkItem, object_type="werkvoorraad", personal_fields=("message",))
