from django.apps import AppConfig


class DashboardsConfig(AppConfig):
    name = "operations.dashboards"
    label = "dashboards"
    verbose_name = "Dashboards en momentopnamen"
