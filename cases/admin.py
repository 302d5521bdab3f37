from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Aanvraag, Client, Contact, Uitkeringsdossier, Wijkteam


@admin.register(Wijkteam)
class WijkteamAdmin(admin.ModelAdmin):
    list_display = ("code", "name")


@admin.register(Client)
class ClientAdmin(SimpleHistoryAdmin):
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
