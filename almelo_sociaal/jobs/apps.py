from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "almelo_sociaal.jobs"
    label = "jobs"
    verbose_name = "Taken en werkvoorraad"
