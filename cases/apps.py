from django.apps import AppConfig

# Who sees "Cliënten" in the menu.
NAV_CLIENT_ROLES = ("intaker", "coach", "toetser", "matcher", "coordinator", "srt", "beheer")


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = "Cliënten en dossiers"

    def ready(self) -> None:
        from almelo_sociaal.core.nav import NavEntry, nav

        nav.register(
            NavEntry(
                "Cliënten", "cases:client-search", roles=NAV_CLIENT_ROLES, order=20, matches=("cases:*",)
            )
        )
        nav.register(
            NavEntry(
                "Toetsing",
                "cases:toetsing",
                roles=("toetser",),
                order=25,
                matches=("cases:toetsing", "cases:aanvraag-detail"),
            )
        )
        nav.register(NavEntry("Signalen", "srt:signals", roles=("srt",), order=60, matches=("srt:signal*",)))
        nav.register(
            NavEntry(
                "Onderzoeken",
                "srt:investigations",
                roles=("srt",),
                order=62,
                matches=("srt:investigation*", "srt:outcome*"),
            )
        )
        nav.register(
            NavEntry("SRT-resultaten", "srt:report", roles=("srt", "coordinator", "financien"), order=64)
        )
        nav.register(
            NavEntry(
                "SRT-toewijzing",
                "srt:assignments",
                roles=("beheer",),
                hidden_for=("srt",),
                order=92,
                matches=("srt:assign*",),
                section="beheer",
            )
        )
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
