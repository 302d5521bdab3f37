"""The admin (functioneel beheer): no BSN in a URL, no edits past the services, reads logged."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib import admin
from django.urls import reverse

from almelo_sociaal.audit.models import AccessLog
from almelo_sociaal.parameters.models import LegalParameter
from budget.models import VangnetRegel
from cases.models import Client
from tests.factories import AanvraagFactory, ClientFactory, DossierFactory
from tests.tegenprestatie.factories import HostFactory

pytestmark = pytest.mark.django_db

# Models whose changes have rules in a service: the admin may not add, change or delete them.
SERVICE_MODELS = {
    "cases.client",
    "cases.aanvraag",
    "cases.uitkeringsdossier",
    "cases.contact",
    "participation.profile",
    "participation.groupassignment",
    "participation.trajectory",
    "budget.budgetyear",
    "budget.budgetrevision",
    "budget.realisationentry",
    "budget.forecastrun",
    "jobs.workitem",
}


def test_every_model_with_a_service_is_read_only_in_the_admin(rf, beheer):
    request = rf.get("/beheer/")
    request.user = beheer
    registered = {f"{m._meta.app_label}.{m._meta.model_name}": a for m, a in admin.site._registry.items()}
    assert SERVICE_MODELS <= set(registered)
    editable = [
        label
        for label in sorted(SERVICE_MODELS)
        if registered[label].has_add_permission(request)
        or registered[label].has_change_permission(request)
        or registered[label].has_delete_permission(request)
    ]
    assert not editable


def test_host_admin_links_contact_users_only(rf, beheer):
    request = rf.get("/beheer/")
    request.user = beheer
    host_admin = admin.site._registry[HostFactory._meta.model]
    assert not host_admin.has_add_permission(request) and not host_admin.has_delete_permission(request)
    readonly = set(host_admin.get_readonly_fields(request, HostFactory()))
    assert {"name", "declaration_signed_on", "active"} <= readonly and "contact_users" not in readonly


def test_a_client_cannot_be_changed_in_the_admin(client, beheer, wijkteam):
    subject = ClientFactory(wijkteam=wijkteam)
    url = reverse("admin:cases_client_change", args=[subject.pk])
    assert client.get(url).status_code == 200  # view only
    client.post(url, {"achternaam": "Anders"})
    subject.refresh_from_db()
    assert subject.achternaam != "Anders"


def test_reverting_a_client_to_an_old_version_is_refused(client, beheer, wijkteam):
    subject = ClientFactory(wijkteam=wijkteam, achternaam="Eerste")
    subject.achternaam = "Tweede"
    subject.save()
    old = subject.history.order_by("history_id").first()
    url = reverse("admin:cases_client_simple_history", args=[subject.pk, old.history_id])
    assert client.post(url, {}).status_code == 403
    subject.refresh_from_db()
    assert subject.achternaam == "Tweede"


def test_aanvraag_and_dossier_cannot_be_added_or_changed(client, beheer, wijkteam):
    aanvraag = AanvraagFactory(client=ClientFactory(wijkteam=wijkteam))
    dossier = DossierFactory(client=aanvraag.client)
    assert client.get(reverse("admin:cases_aanvraag_add")).status_code == 403
    assert client.get(reverse("admin:cases_uitkeringsdossier_add")).status_code == 403
    client.post(reverse("admin:cases_aanvraag_change", args=[aanvraag.pk]), {"status": "toegekend"})
    client.post(reverse("admin:cases_uitkeringsdossier_change", args=[dossier.pk]), {"maandbedrag": "1"})
    aanvraag.refresh_from_db(), dossier.refresh_from_db()
    assert aanvraag.status == "gemeld" and dossier.maandbedrag != Decimal("1")


# ------------------------------------------------------------------------------------- no BSN in a URL
def test_the_client_search_is_a_post_and_the_bsn_stays_out_of_every_url(client, beheer, wijkteam):
    subject = ClientFactory(wijkteam=wijkteam)
    ClientFactory(wijkteam=wijkteam)
    changelist = reverse("admin:cases_client_changelist")
    page = client.get(changelist).content.decode()
    assert 'method="post" role="search"' in page and 'method="get" role="search"' not in page
    AccessLog.objects.all().delete()  # the unfiltered list above logged both clients
    response = client.post(changelist, {"zoekterm": subject.bsn})
    assert response.status_code == 302 and subject.bsn not in response["Location"]
    body = client.get(response["Location"]).content.decode()
    assert subject.achternaam in body
    assert list(Client.objects.exclude(pk=subject.pk).values_list("achternaam", flat=True))[0] not in body
    entry = AccessLog.objects.get(user=beheer)
    assert (entry.client, entry.purpose) == (subject, "GET admin:cases_client_changelist")


def test_the_admin_get_search_and_personal_field_filters_are_refused(client, beheer, wijkteam):
    subject = ClientFactory(wijkteam=wijkteam)
    changelist = reverse("admin:cases_client_changelist")
    response = client.get(changelist, {"q": subject.bsn})
    assert response.status_code == 302 and subject.bsn not in response["Location"]
    assert client.get(changelist, {"bsn": subject.bsn}).status_code == 400
    assert client.get(changelist, {"achternaam__startswith": "A"}).status_code == 400


def test_admin_client_change_and_history_pages_are_logged(client, beheer, wijkteam):
    subject = ClientFactory(wijkteam=wijkteam)
    for name in ("admin:cases_client_change", "admin:cases_client_history"):
        assert subject.achternaam in client.get(reverse(name, args=[subject.pk])).content.decode()
    purposes = set(AccessLog.objects.filter(client=subject).values_list("purpose", flat=True))
    assert purposes == {"GET admin:cases_client_change", "GET admin:cases_client_history"}


# ------------------------------------------------------------------------------ saves through the services
def test_a_parameter_value_is_added_through_the_service(client, beheer):
    template = LegalParameter.objects.order_by("key").first()
    response = client.post(
        reverse("admin:parameters_legalparameter_add"),
        {"key": template.key, "value": "12.3400", "valid_from": "2031-01-01", "source": "Stcrt. 2030, 1"},
    )
    assert response.status_code == 302
    new = LegalParameter.objects.get(key=template.key, valid_from="2031-01-01")
    assert (new.name, new.unit, new.created_by) == (template.name, template.unit, beheer)
    change = reverse("admin:parameters_legalparameter_change", args=[new.pk])
    client.post(change, {"key": template.key, "value": "99", "valid_from": "2031-01-01", "source": "x"})
    new.refresh_from_db()
    assert new.value == Decimal("12.34")


def test_an_unknown_parameter_is_refused_with_a_dutch_message(client, beheer):
    response = client.post(
        reverse("admin:parameters_legalparameter_add"),
        {"key": "bestaat_niet", "value": "1", "valid_from": "2031-01-01", "source": "x"},
    )
    assert response.status_code == 200 and "Onbekende parameter" in response.content.decode()


def test_vangnet_rules_saved_in_the_admin_go_through_the_service(client, beheer):
    from tests.budget.test_admin import form_data

    client.post(
        reverse("admin:budget_vangnetregel_add"), form_data(a=("7.5", "12.5", "50"), b=("12.5", "", "100"))
    )
    regel = VangnetRegel.objects.get(year=2024)
    assert regel.history.latest().history_user == beheer


def test_browsing_the_access_log_in_the_admin_shows_no_client_name(client, beheer, wijkteam):
    from almelo_sociaal.audit.services import log_access

    subject = ClientFactory(wijkteam=wijkteam)
    log_access(user=beheer, client=subject, object_type="cliënt", object_id=subject.pk)
    entry = AccessLog.objects.get()
    for url in (
        reverse("admin:audit_accesslog_changelist"),
        reverse("admin:audit_accesslog_change", args=[entry.pk]),
    ):
        body = client.get(url).content.decode()
        assert subject.achternaam not in body
    assert AccessLog.objects.count() == 1  # and so no read of a client
