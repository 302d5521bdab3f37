"""Functioneel beheer: clients, aanvragen, dossiers and contacts are read-only here (their changes have rules
and go through cases.services); wijkteams are configuration.

No BSN in a URL: the client list is searched with a POST form (the term is kept in the session, like the
client search of the UI), and the list refuses filters on personal fields in the querystring."""

from django.contrib import admin, messages
from django.db.models import Q
from django.shortcuts import redirect
from simple_history.admin import SimpleHistoryAdmin

from almelo_sociaal.core.admin import ReadOnlyAdmin
from almelo_sociaal.core.rules import RuleViolation

from .models import CLIENT_PERSONAL_FIELDS, Aanvraag, Client, Contact, Uitkeringsdossier, Wijkteam
from .rules import normalise_bsn

SEARCH_SESSION_KEY = "admin_client_search"
SEARCH_FIELD = "zoekterm"


@admin.register(Wijkteam)
class WijkteamAdmin(admin.ModelAdmin):
    list_display = ("code", "name")


@admin.register(Client)
class ClientAdmin(ReadOnlyAdmin, SimpleHistoryAdmin):
    list_display = ("id", "achternaam", "voornamen", "wijkteam", "coach")
    list_filter = ("wijkteam", "leefvorm")
    change_list_template = "admin/cases/client/change_list.html"

    def changelist_view(self, request, extra_context=None):
        if request.method == "POST" and SEARCH_FIELD in request.POST:
            term = request.POST.get(SEARCH_FIELD, "").strip()[:100]
            if term:
                request.session[SEARCH_SESSION_KEY] = term
            else:
                request.session.pop(SEARCH_SESSION_KEY, None)
            return redirect(request.path)
        if "q" in request.GET:  # the admin's own GET search is not offered: drop the term, never use it
            messages.warning(request, "Zoeken gaat via het zoekveld op deze pagina (niet via het adres).")
            return redirect(request.path)
        extra_context = {**(extra_context or {}), "search_term": request.session.get(SEARCH_SESSION_KEY, "")}
        return super().changelist_view(request, extra_context)

    def lookup_allowed(self, lookup, value, request=None):
        if lookup.split("__")[0] in CLIENT_PERSONAL_FIELDS:
            return False  # a BSN, name or address in the querystring: refused (400)
        return super().lookup_allowed(lookup, value, request)

    def get_search_results(self, request, queryset, search_term):
        """The term from the POST form (session): client number, BSN (elfproef, exact), or a name/postcode."""
        term = request.session.get(SEARCH_SESSION_KEY, "") if request.method == "GET" else ""
        if not term or request.GET.get("_popup"):
            return queryset, False
        digits = term.replace(" ", "").replace(".", "")
        if digits.isdigit() and len(digits) == 9:
            try:
                return queryset.filter(bsn=normalise_bsn(digits)), False
            except RuleViolation:  # not a valid BSN: no match rather than an error
                return queryset.none(), False
        if digits.isdigit():
            return queryset.filter(pk=int(digits)), False
        compact = term.replace(" ", "").upper()
        return queryset.filter(
            Q(achternaam__icontains=term) | Q(voornamen__icontains=term) | Q(postcode=compact)
        ), False


@admin.register(Aanvraag)
class AanvraagAdmin(ReadOnlyAdmin, SimpleHistoryAdmin):
    list_display = ("client", "regeling", "aanvraagdatum", "status", "concept_versie")
    list_filter = ("status", "regeling")


@admin.register(Uitkeringsdossier)
class DossierAdmin(ReadOnlyAdmin, SimpleHistoryAdmin):
    list_display = ("client", "regeling", "startdatum", "einddatum", "maandbedrag")
    list_filter = ("regeling", "eindreden")


@admin.register(Contact)
class ContactAdmin(ReadOnlyAdmin):
    list_display = ("client", "date", "kind")
