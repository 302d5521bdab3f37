from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = "Cliënten en dossiers"

    def ready(self) -> None:
        from almelo_sociaal.accounts.home import home_counters
        from almelo_sociaal.audit.reads import register_with_history

        from . import models, selectors

        home_counters.register(selectors.home_counters)
        from almelo_sociaal.security.retention import retention_rules

        from . import retention

        retention_rules.register(retention.retention_rules)

        register_with_history(
            models.Client, object_type="cliënt", client="pk", personal_fields=models.CLIENT_PERSONAL_FIELDS
        )
        register_with_history(models.Aanvraag, object_type="aanvraag")
        register_with_history(models.Uitkeringsdossier, object_type="uitkeringsdossier")
        register_with_history(models.Contact, object_type="contact")
        register_with_history(models.ClientEvent, object_type="tijdlijn")
