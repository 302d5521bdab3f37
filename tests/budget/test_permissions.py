"""Who may see and change the budget: every page and endpoint against every role (table-driven).

finance: read + write; beheer: read; coordinator: read (management view); all other roles: 403.
"""

from datetime import date
from decimal import Decimal as D

import pytest
from django.urls import reverse

from almelo_sociaal.accounts.roles import Role

from .factories import BudgetYearFactory, RealisationFactory, RevisionFactory

pytestmark = pytest.mark.django_db

READERS = {Role.FINANCE, Role.BEHEER, Role.COORDINATOR}
WRITERS = {Role.FINANCE}
ROLES = [*Role, None]  # None: logged in without a role


@pytest.fixture
def ledger(finance):
    year = BudgetYearFactory(year=2020)
    revision = RevisionFactory(budget_year=year, entered_by=finance)
    entry = RealisationFactory(budget_year=year, entered_by=finance)
    return year, revision, entry


def page_urls(revision, entry):
    return {
        "overview": reverse("budget:overview"),
        "year": reverse("budget:year", args=[2020]),
        "export": reverse("budget:export", args=[2020]),
    }


def write_pages(revision, entry):
    return {
        "year-create": (reverse("budget:year-create"), {"year": "2022"}),
        "uitgangspunt": (reverse("budget:uitgangspunt", args=[2020]), {"caseload_uitgangspunt": "2700"}),
        "revision-create": (
            reverse("budget:revision-create", args=[2020]),
            {"kind": "nader_voorlopig", "amount": "34.240.957", "published_on": "2020-04-01", "source": "x"},
        ),
        "revision-correct": (
            reverse("budget:revision-correct", args=[revision.pk]),
            {"amount": "1", "published_on": "2019-10-01", "source": "x", "reason": "r"},
        ),
        "realisation-create": (
            reverse("budget:realisation-create", args=[2020]),
            {"month": "2020-02", "post": "ioaw", "amount": "10"},
        ),
        "realisation-reverse": (reverse("budget:realisation-reverse", args=[entry.pk]), {"reason": "r"}),
    }


@pytest.mark.parametrize("role", ROLES, ids=lambda r: str(r))
@pytest.mark.parametrize("name", ["overview", "year", "export"])
def test_read_pages(client, make_user, ledger, role, name):
    _, revision, entry = ledger
    client.force_login(make_user(role))
    response = client.get(page_urls(revision, entry)[name])
    assert response.status_code == (200 if role in READERS else 403)


@pytest.mark.parametrize("role", ROLES, ids=lambda r: str(r))
@pytest.mark.parametrize(
    "name",
    [
        "year-create",
        "uitgangspunt",
        "revision-create",
        "revision-correct",
        "realisation-create",
        "realisation-reverse",
    ],
)
def test_write_pages_get_and_post(client, make_user, ledger, role, name, monkeypatch):
    monkeypatch.setattr("budget.tasks.recompute_budget_year.delay", lambda year: None)
    _, revision, entry = ledger
    url, data = write_pages(revision, entry)[name]
    client.force_login(make_user(role))
    get = client.get(url)
    post = client.post(url, data)
    if role in WRITERS:
        assert get.status_code == 200
        assert post.status_code in (302, 400)
    else:
        assert get.status_code == 403
        assert post.status_code == 403


@pytest.mark.parametrize("role", ROLES, ids=lambda r: str(r))
@pytest.mark.parametrize("name", ["srt-book", "recompute"])
def test_post_only_actions(client, make_user, ledger, role, name, fake_srt, monkeypatch):
    monkeypatch.setattr("budget.selectors.default_srt_source", lambda: fake_srt)
    client.force_login(make_user(role))
    response = client.post(reverse(f"budget:{name}", args=[2020]))
    assert response.status_code == (302 if role in WRITERS else 403)


def test_anonymous_is_sent_to_the_login_page(client, ledger):
    response = client.get(reverse("budget:year", args=[2020]))
    assert response.status_code == 302
    assert "/inloggen/" in response["Location"]


# ---------------------------------------------------------------- API
API_READ = [
    "/api/v1/budget/jaren",
    "/api/v1/budget/jaren/2020",
    "/api/v1/budget/bijstellingen",
    "/api/v1/budget/realisaties",
    "/api/v1/budget/prognoses",
]


@pytest.mark.parametrize("role", ROLES, ids=lambda r: str(r))
@pytest.mark.parametrize("url", API_READ)
def test_api_read(api_client_for, make_user, ledger, role, url):
    response = api_client_for(make_user(role)).get(url)
    assert response.status_code == (200 if role in READERS else 403)


def api_writes(revision, entry):
    return {
        "years": ("/api/v1/budget/jaren", {"year": 2022}),
        "revisions": (
            "/api/v1/budget/bijstellingen",
            {
                "year": 2020,
                "kind": "definitief",
                "amount": "36840104.00",
                "published_on": "2020-10-01",
                "source": "x",
            },
        ),
        "correct": (
            f"/api/v1/budget/bijstellingen/{revision.pk}/corrigeren",
            {"amount": "35516242.00", "published_on": "2019-10-01", "source": "x", "reason": "typefout"},
        ),
        "realisation": (
            "/api/v1/budget/realisaties",
            {"year": 2020, "month": "2020-02-01", "post": "ioaw", "amount": "10.00"},
        ),
        "reverse": (f"/api/v1/budget/realisaties/{entry.pk}/terugboeken", {"reason": "dubbel"}),
    }


@pytest.mark.parametrize("role", ROLES, ids=lambda r: str(r))
@pytest.mark.parametrize("name", ["years", "revisions", "correct", "realisation", "reverse"])
def test_api_write(api_client_for, make_user, ledger, role, name, monkeypatch):
    monkeypatch.setattr("budget.tasks.recompute_budget_year.delay", lambda year: None)
    _, revision, entry = ledger
    url, data = api_writes(revision, entry)[name]
    response = api_client_for(make_user(role)).post(url, data, format="json")
    assert response.status_code == (201 if role in WRITERS else 403), response.content


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
@pytest.mark.parametrize("url", ["/api/v1/budget/bijstellingen/{rev}", "/api/v1/budget/realisaties/{entry}"])
def test_api_has_no_update_or_delete_path_even_for_finance(api_client_for, finance, ledger, method, url):
    _, revision, entry = ledger
    response = getattr(api_client_for(finance), method)(url.format(rev=revision.pk, entry=entry.pk), {})
    assert response.status_code == 405


def test_admin_offers_no_add_change_or_delete_for_the_ledger(client, make_user, ledger):
    _, revision, _ = ledger
    user = make_user(Role.BEHEER, is_staff=True, is_superuser=True)
    client.force_login(user)
    assert client.get(reverse("admin:budget_budgetrevision_add")).status_code == 403
    change = client.post(reverse("admin:budget_budgetrevision_change", args=[revision.pk]), {"amount": "1"})
    assert change.status_code == 403
    assert (
        client.post(
            reverse("admin:budget_budgetrevision_delete", args=[revision.pk]), {"post": "yes"}
        ).status_code
        == 403
    )
    revision.refresh_from_db()
    assert revision.amount == D("35516242.00")
    assert revision.published_on == date(2019, 10, 1)
