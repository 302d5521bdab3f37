from django.apps import AppConfig


class EventsConfig(AppConfig):
    """Events for subscribers (CloudEvents 1.0, NL GOV profile): subscriptions, signed delivery, delivery log."""

    name = "almelo_sociaal.events"
    label = "events"
    verbose_name = "Notificaties"
