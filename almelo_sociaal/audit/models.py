from django.conf import settings
from django.db import models


class AccessLog(models.Model):
    """Who looked at (or exported) whose personal data, when. Append-only.

    Changes to client data are recorded by django-simple-history (before/after per field).
    """

    class Action(models.TextChoices):
        VIEW = "view", "Bekeken"
        SEARCH = "search", "Gezocht"
        EXPORT = "export", "Geëxporteerd"
        API = "api", "Opgevraagd via API"

    at = models.DateTimeField("tijdstip", auto_now_add=True, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    action = models.CharField("handeling", max_length=10, choices=Action.choices)
    client = models.ForeignKey(
        "cases.Client", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", db_index=True
    )
    object_type = models.CharField("soort gegeven", max_length=60)
    object_id = models.CharField("id", max_length=40, blank=True)
    purpose = models.CharField("context", max_length=200, blank=True)

    class Meta:
        verbose_name = "inzage"
        verbose_name_plural = "inzagelog"
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["user", "-at"], name="accesslog_user_at")]

    def __str__(self) -> str:
        return f"{self.at:%d-%m-%Y %H:%M} {self.user} {self.get_action_display()} {self.object_type} {self.object_id}"
