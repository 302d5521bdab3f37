from django.apps import AppConfig


class SrtConfig(AppConfig):
    name = "srt"
    label = "srt"
    verbose_name = "SRT (Sociaal Rechercheteam)"

    def ready(self) -> None:
        from almelo_sociaal.audit.reads import register_with_history
        from almelo_sociaal.security.retention import retention_rules

        from . import models, retention

        retention_rules.register(retention.retention_rules)
        register_with_history(models.SrtSignal, object_type="srt-signaal")
        register_with_history(models.SrtInvestigation, object_type="srt-onderzoek")
