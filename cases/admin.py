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


class ReadOnlyCaseAdmin(SimpleHistoryAdmin):
    """Decisions and benefits change only through the services (four eyes pinned to a version, the bound on the
    monthly amount, the timeline): the admin shows them and their history, and changes nothing."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Aanvraag)
class AanvraagAdmin(ReadOnlyCaseAdmin):
    list_display = ("client", "regeling", "aanvraagdatum", "status", "concept_versie")
    list_filter = ("status", "regeling")
    raw_id_fields = (
        "client",
        "consulent",
        "concept_door",
        "eerste_toets_door",
        "getoetst_door",
        "created_by",
    )


@admin.register(Uitkeringsdossier)
class DossierAdmin(ReadOnlyCaseAdmin):
    list_display = ("client", "regeling", "startdatum", "einddatum", "maandbedrag")
    list_filter = ("regeling", "eindreden")
    raw_id_fields = ("client", "aanvraag")


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ("client", "date", "kind")
    raw_id_fields = ("client",)
