from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "almelo_sociaal.audit"
    label = "audit"
    verbose_name = "Audit"

    def ready(self) -> None:
        from simple_history.signals import pre_create_historical_record

        from almelo_sociaal.core.nav import NavEntry, nav

        nav.register(NavEntry("Auditlog", "audit-log", roles=("beheer",), order=90, section="beheer"))
        from . import reads, trace

        reads.install()
        pre_create_historical_record.connect(trace.on_historical_record, dispatch_uid="audit.trace")
