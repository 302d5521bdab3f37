from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "almelo_sociaal.core"
    label = "core"
    verbose_name = "Kern"
