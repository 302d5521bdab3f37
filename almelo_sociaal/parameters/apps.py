from django.apps import AppConfig


class ParametersConfig(AppConfig):
    name = "almelo_sociaal.parameters"
    label = "parameters"
    verbose_name = "Wettelijke en beleidsparameters"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from .services import ensure_default_parameters

        post_migrate.connect(ensure_default_parameters, sender=self)
