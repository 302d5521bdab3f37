from django.apps import AppConfig


class BijstandConfig(AppConfig):
    name = "bijstand"
    verbose_name = "Recht en hoogte"

    def ready(self) -> None:
        from almelo_sociaal.audit.reads import register_with_history
        from almelo_sociaal.core.nav import NavEntry, nav
        from almelo_sociaal.security.retention import retention_rules
        from cases import hooks as cases_hooks

        from . import models, retention, services

        register_with_history(models.Huishoudlid, object_type="huishoudlid")
        register_with_history(models.Inkomen, object_type="inkomen")
        register_with_history(models.Vermogen, object_type="vermogen")
        register_with_history(models.Omstandigheden, object_type="omstandigheden")
        register_with_history(models.BuitenlandVerblijf, object_type="verblijf buitenland")
        register_with_history(models.Berekening, object_type="berekening")
        register_with_history(models.Herberekening, object_type="herberekening")

        cases_hooks.draft_amount.register(services.draft_amount)
        cases_hooks.dossier_opened.register(services.dossier_opened)
        retention_rules.register(retention.retention_rules)
        nav.register(
            NavEntry(
                "Proefberekening",
                "bijstand:what-if",
                roles=("intaker", "coach", "toetser", "beheer"),
                order=36,
                matches=("bijstand:what-if",),
            )
        )
