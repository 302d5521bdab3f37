from django.conf import settings
from django.db import models


class LegalParameter(models.Model):
    """One value of a legal or policy parameter, valid from a date until the next value of the same key."""

    class Kind(models.TextChoices):
        WETTELIJK = "wettelijk", "Wettelijk"
        BELEID = "beleid", "Gemeentelijk beleid"

    key = models.SlugField("sleutel", max_length=80)
    name = models.CharField("naam", max_length=200)
    value = models.DecimalField("waarde", max_digits=16, decimal_places=4)
    unit = models.CharField("eenheid", max_length=30)
    valid_from = models.DateField("geldig vanaf")
    kind = models.CharField("soort", max_length=12, choices=Kind.choices, default=Kind.WETTELIJK)
    source = models.CharField("bron", max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "parameter"
        verbose_name_plural = "parameters"
        ordering = ["key", "-valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["key", "valid_from"], name="parameter_one_value_per_key_and_date")
        ]

    def __str__(self) -> str:
        return f"{self.name} = {self.value} {self.unit} (vanaf {self.valid_from:%d-%m-%Y})"
