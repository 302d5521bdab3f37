from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "almelo_sociaal.audit"
    label = "audit"
    verbose_name = "Audit"

    def ready(self) -> None:
        from . import reads

        reads.install()
