from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from almelo_sociaal.accounts.roles import Role
from cases.models import Client, Uitkeringsdossier
from operations.dashboards.services import backfill, take_caseload_snapshot
from operations.jobs.services import refresh_work_items

from ..factories import DossierFactory

pytestmark = pytest.mark.django_db
R = Role

PAGES = {
    "dashboards:coordinator": {R.COORDINATOR, R.BEHEER},
    "dashboards:management": {R.COORDINATOR, R.FINANCE, R.BEHEER},
    "jobs:inbox": {R.COACH, R.INTAKER, R.TOETSER, R.COORDINATOR, R.FINANCE, R.BEHEER, R.MATCHER},
    "jobs:status": {R.BEHEER},
}


@pytest.mark.parametrize("role", [None, *Role])
@pytest.mark.parametrize("name", sorted(PAGES))
def test_permission_matrix(client, make_user, wijkteam, name, role):
    url = reverse(name)
    if role is None:
        assert client.get(url).status_code == 302
        return
    client.force_login(make_user(role, wijkteam=wijkteam))
    assert client.get(url).status_code == (200 if role in PAGES[name] else 403)


def _bulk_caseload(wijkteam, n):
    clients = Client.objects.bulk_create(
        [
            Client(
                bsn=f"{i:09d}",
                voornamen="A",
                achternaam=f"B{i}",
                birth_date=date(1980, 1, 1),
                street="s",
                house_number="1",
                postcode="7607AB",
                leefvorm="alleenstaand",
                wijkteam=wijkteam,
            )
            for i in range(1, n + 1)
        ]
    )
    Uitkeringsdossier.objects.bulk_create(
        [
            Uitkeringsdossier(
                client=c,
                regeling="bijstand",
                startdatum=date(2019, 1 + i % 12, 1),
                maandbedrag=Decimal("1401.50"),
            )
            for i, c in enumerate(clients)
        ]
    )


@pytest.mark.parametrize("n", [100, 10_000])
def test_dashboards_query_count_is_constant(client, make_user, wijkteam, django_assert_max_num_queries, n):
    _bulk_caseload(wijkteam, n)
    backfill(start=date(2019, 1, 1), end=date(2020, 12, 31))
    take_caseload_snapshot(period="dag", day=date.today())
    refresh_work_items(today=date.today())
    client.force_login(make_user(R.COORDINATOR, wijkteam=wijkteam))
    with django_assert_max_num_queries(13):
        response = client.get(reverse("dashboards:coordinator"), {"van": "2019-01", "tot": "2020-12"})
    assert response.context["trend"][-1]["active"] == n
    with django_assert_max_num_queries(30):
        assert client.get(reverse("dashboards:management")).status_code == 200


def test_targets_line_and_csv(client, make_user, wijkteam):
    DossierFactory(client__wijkteam=wijkteam, startdatum=date(2019, 6, 1))
    backfill(start=date(2019, 1, 1), end=date(2022, 12, 31))
    client.force_login(make_user(R.BEHEER))
    response = client.get(
        reverse("dashboards:coordinator"), {"wijkteam": "", "van": "2019-01", "tot": "2022-12"}
    )
    targets = {row["date"].year: row["target"] for row in response.context["trend"]}
    assert targets == {2019: 2500, 2020: 2350, 2021: 2250, 2022: 2200}
    csv = client.get(
        reverse("dashboards:coordinator"),
        {"wijkteam": "", "van": "2019-01", "tot": "2019-12", "csv": "caseload"},
    )
    assert csv["Content-Type"].startswith("text/csv")
    lines = csv.content.decode("utf-8-sig").strip().splitlines()
    assert lines[0] == "maand;lopend;doelstelling;instroom;uitstroom"
    assert lines[1] == "2019-06;1;2500;1;0"  # the line starts at the first month with dossiers
    assert lines[7] == "2019-12;1;2500;0;0"


def test_bad_period_gives_dutch_error(client, make_user):
    client.force_login(make_user(R.BEHEER))
    response = client.get(reverse("dashboards:coordinator"), {"van": "2022-01", "tot": "2020-01"})
    assert response.status_code == 200
    assert "De eindmaand ligt vóór de beginmaand." in response.content.decode()


def test_bad_period_keeps_the_chosen_wijkteam(client, make_user, wijkteam, other_wijkteam):
    client.force_login(make_user(R.COORDINATOR, wijkteam=wijkteam))
    response = client.get(
        reverse("dashboards:coordinator"), {"wijkteam": other_wijkteam.pk, "van": "2022-01", "tot": "2020-01"}
    )
    assert "De eindmaand ligt vóór de beginmaand." in response.content.decode()
    assert response.context["flt"].wijkteam == other_wijkteam
