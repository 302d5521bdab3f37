from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "almelo_sociaal.audit"
    label = "audit"
    verbose_name = "Audit"

    def ready(self) -> None:
        from almelo_sociaal.core.nav import NavEntry, nav

        nav.register(NavEntry("Auditlog", "audit-log", roles=("beheer",), order=90, section="beheer"))
        from . import reads

        reads.install()
