"""A redraft and the toetser's approval at the same moment (issue 14, finding 2): the approval names version 1;
whichever wins the row lock, the dossier never opens at an amount the toetser did not review.

Real threads against PostgreSQL (``select_for_update`` on the aanvraag); skipped on SQLite.
"""

from __future__ import annotations

import threading
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import connection

from almelo_sociaal.accounts.roles import Role
from cases import services
from cases.models import Aanvraag, Uitkeringsdossier

from ..factories import ClientFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("without_the_calculation"),
]


TODAY = date(2026, 3, 2)  # the Normenbrief 2026 norms (the bound on the amount) apply


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime(2026, 3, 2, 10, 0)):
        yield


def _race(calls) -> list[str]:
    barrier = threading.Barrier(len(calls))
    codes, unexpected, lock = [], [], threading.Lock()

    def worker(call):
        try:
            barrier.wait()
            call()
        except ValidationError as exc:
            with lock:
                codes.append(next(iter(exc.error_dict.values()))[0].code)
        except Exception as exc:  # noqa: BLE001 - reported below
            with lock:
                unexpected.append(repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(c,)) for c in calls]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not unexpected, unexpected
    return codes


@pytest.mark.parametrize("attempt", range(4))
def test_redraft_racing_the_approval_never_opens_an_unreviewed_amount(make_user, attempt):
    consulent, toetser = make_user(Role.INTAKER), make_user(Role.TOETSER)
    start = TODAY - timedelta(days=3)
    aanvraag = services.submit_aanvraag(
        actor=consulent,
        client=ClientFactory(),
        regeling="bijstand",
        aanvraagdatum=start,
        voorliggende_voorziening="geen",
    )
    services.start_behandeling(actor=consulent, aanvraag=aanvraag)

    def draft(amount):
        return services.draft_decision(
            actor=consulent,
            aanvraag=aanvraag,
            besluit="toekennen",
            reden="Voldoet",
            ingangsdatum=start,
            maandbedrag=Decimal(amount),
        )

    draft("1200.00")
    codes = _race(
        [
            lambda: draft("1300.00"),
            lambda: services.approve_decision(toetser=toetser, aanvraag=aanvraag, versie=1),
        ]
    )
    aanvraag = Aanvraag.objects.get(pk=aanvraag.pk)
    dossier = Uitkeringsdossier.objects.filter(aanvraag=aanvraag).first()
    if dossier is not None:  # the approval won: the redraft came too late
        assert dossier.maandbedrag == Decimal("1200.00") and codes == ["concept_alleen_in_behandeling"]
    else:  # the redraft won: the approval of version 1 is stale
        assert codes == ["versie_verouderd"]
        assert aanvraag.concept_versie == 2 and aanvraag.concept_maandbedrag == Decimal("1300.00")
