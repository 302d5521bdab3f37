from django.apps import AppConfig


class DashboardsConfig(AppConfig):
    name = "almelo_sociaal.dashboards"
    label = "dashboards"
    verbose_name = "Dashboards en momentopnamen"
