from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from simple_history.admin import SimpleHistoryAdmin

from .models import Aanvraag, Client, Contact, Uitkeringsdossier, Wijkteam
from .services import CLIENT_FIELDS, MOVE_SEPARATELY, validate_coach


@admin.register(Wijkteam)
class WijkteamAdmin(admin.ModelAdmin):
    list_display = ("code", "name")


class ClientAdminForm(forms.ModelForm):
    """The admin writes the model directly, so it runs the services' checks: the coach is an active werkcoach of
    the client's wijkteam (same Dutch message as the UI and the API), and the wijkteam of an existing client changes
    only through the move action (Verhuizen naar ander wijkteam), which also reassigns the coach."""

    class Meta:
        model = Client
        fields = ["bsn", *CLIENT_FIELDS, "wijkteam", "coach"]

    def clean(self):
        data = super().clean()
        wijkteam = data.get("wijkteam")
        if self.instance.pk and "wijkteam" in self.changed_data:
            raise MOVE_SEPARATELY
        if wijkteam is not None:
            try:
                validate_coach(coach=data.get("coach"), wijkteam=wijkteam)
            except ValidationError as exc:
                self.add_error(None, exc)
        return data


@admin.register(Client)
class ClientAdmin(SimpleHistoryAdmin):
    form = ClientAdminForm
    list_display = ("achternaam", "voornamen", "wijkteam", "coach")
    list_filter = ("wijkteam", "leefvorm")
    search_fields = ("achternaam", "=bsn", "postcode")
    raw_id_fields = ("coach",)


@admin.register(Aanvraag)
class AanvraagAdmin(SimpleHistoryAdmin):
    list_display = ("client", "regeling", "aanvraagdatum", "status")
    list_filter = ("status", "regeling")
    raw_id_fields = ("client", "consulent", "concept_door", "getoetst_door", "created_by")


@admin.register(Uitkeringsdossier)
class DossierAdmin(SimpleHistoryAdmin):
    list_display = ("client", "regeling", "startdatum", "einddatum", "maandbedrag")
    list_filter = ("regeling", "eindreden")
    raw_id_fields = ("client", "aanvraag")


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ("client", "date", "kind")
    raw_id_fields = ("client",)
