"""SRT services: triage, status, findings, outcome with boete/terugvordering/savings; Decimal end to end."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError

from almelo_sociaal.accounts.roles import Role
from srt import services
from srt.models import SrtInvestigation, SrtNote
from srt.rules import InvestigationStatus, SignalStatus

from ..factories import AanvraagFactory, ClientFactory, DossierFactory
from .factories import InvestigationFactory, SignalFactory

pytestmark = pytest.mark.django_db
D = Decimal
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def srt(make_user):
    return make_user(Role.SRT)


def running(**kwargs) -> SrtInvestigation:
    kwargs.setdefault("opened_on", date.today() - timedelta(days=40))
    return InvestigationFactory(running=True, **kwargs)


def outcome(srt, investigation, **kwargs) -> SrtInvestigation:
    data = {
        "outcome": "ander_resultaat",
        "other_result": "boete",
        "closed_on": date.today(),
        "conclusion": "Inkomsten niet gemeld.",
        "inlichtingenplicht_geschonden": True,
        "culpability": "grove_schuld",
        "benadelingsbedrag": D("4000.00"),
        "terugvordering": D("4000.00"),
    }
    data.update(kwargs)
    return services.record_outcome(actor=srt, investigation=investigation, **data)


def test_open_investigation_from_signal(srt):
    signal = SignalFactory()
    investigation = services.open_investigation(actor=srt, signal=signal, investigators=[srt])
    signal.refresh_from_db()
    assert signal.status == SignalStatus.IN_ONDERZOEK
    assert investigation.status == InvestigationStatus.GEMELD
    assert investigation.reference == f"SRT-{date.today().year}-{investigation.pk:05d}"
    assert list(investigation.investigators.all()) == [srt]
    assert investigation.notes.get().kind == SrtNote.Kind.STATUS


def test_signal_cannot_be_triaged_twice(srt):
    signal = SignalFactory()
    services.discard_signal(actor=srt, signal=signal, reason="Geen aanwijzingen")
    with pytest.raises(ValidationError) as excinfo:
        services.open_investigation(actor=srt, signal=signal)
    assert excinfo.value.error_dict["status"][0].code == "signaal_al_beoordeeld"


def test_discard_needs_reason(srt):
    with pytest.raises(ValidationError) as excinfo:
        services.discard_signal(actor=srt, signal=SignalFactory(), reason="")
    assert "reason" in excinfo.value.error_dict


def test_themacontrole_signal_needs_risk_profile(srt):
    with pytest.raises(ValidationError) as excinfo:
        services.register_signal(
            actor=srt,
            client=ClientFactory(),
            source="themacontrole",
            received_on=date.today(),
            description="x",
        )
    assert excinfo.value.error_dict["risk_profile"][0].code == "risicoprofiel_verplicht"


def test_signal_dossier_must_belong_to_client(srt):
    with pytest.raises(ValidationError) as excinfo:
        services.register_signal(
            actor=srt,
            client=ClientFactory(),
            source="melding",
            received_on=date.today(),
            description="x",
            dossier=DossierFactory(),
        )
    assert "dossier" in excinfo.value.error_dict


def test_investigator_must_be_srt(srt, make_user):
    with pytest.raises(ValidationError):
        services.open_investigation(actor=srt, signal=SignalFactory(), investigators=[make_user(Role.COACH)])
    assert not SrtInvestigation.objects.exists()


def test_status_gemeld_to_in_onderzoek(srt):
    investigation = services.start_investigation(actor=srt, investigation=InvestigationFactory())
    assert investigation.status == InvestigationStatus.IN_ONDERZOEK


def test_closing_without_outcome_is_refused(srt):
    with pytest.raises(ValidationError) as excinfo:
        services.change_status(actor=srt, investigation=running(), target="afgerond")
    assert excinfo.value.error_dict["status"][0].code == "uitkomst_nodig"


def test_illegal_transition_is_refused(srt):
    with pytest.raises(ValidationError) as excinfo:
        services.start_investigation(actor=srt, investigation=InvestigationFactory(closed=True))
    assert excinfo.value.error_dict["status"][0].code == "ongeldige_statusovergang"


def test_outcome_needs_running_investigation(srt):
    with pytest.raises(ValidationError) as excinfo:
        outcome(srt, InvestigationFactory())
    assert excinfo.value.error_dict["status"][0].code == "ongeldige_statusovergang"


def test_findings_are_append_only(srt):
    note = services.add_note(actor=srt, investigation=running(), text="Gesprek gevoerd.")
    note.text = "anders"
    with pytest.raises(ValueError):
        note.save()
    with pytest.raises(ValueError):
        note.delete()
    assert SrtNote.objects.get(pk=note.pk).text == "Gesprek gevoerd."


def test_no_findings_after_closing(srt):
    investigation = outcome(srt, running())
    with pytest.raises(ValidationError):
        services.add_note(actor=srt, investigation=investigation, text="Nog iets")


def test_outcome_takes_the_boete_proposal(srt):
    investigation = outcome(srt, running())
    assert investigation.status == InvestigationStatus.AFGEROND
    assert investigation.boete == D("3000.00")  # 75% grove schuld
    assert investigation.boete_voorstel == D("3000.00")
    assert investigation.terugvordering_grond == "verplicht"
    assert investigation.duration_days == 40


def test_outcome_boete_adjustment_needs_reason(srt):
    with pytest.raises(ValidationError) as excinfo:
        outcome(srt, running(), boete=D("1000.00"))
    assert excinfo.value.error_dict["boete_reden"][0].code == "reden_afwijking_boete"


def test_outcome_boete_adjustment_with_reason(srt):
    investigation = outcome(srt, running(), boete=D("1000.00"), boete_reden="Beperkte draagkracht")
    assert (investigation.boete, investigation.boete_reden) == (D("1000.00"), "Beperkte draagkracht")
    assert "Beperkte draagkracht" in investigation.notes.get(kind="uitkomst").text


def test_recidive_from_earlier_investigation_raises_boete(srt):
    client = ClientFactory()
    InvestigationFactory(
        client=client,
        closed=True,
        opened_on=date.today() - timedelta(days=800),
        other_result="boete",
        boete=D("500.00"),
    )
    investigation = outcome(srt, running(client=client))
    assert investigation.recidive is True
    assert investigation.boete == D("4500.00")  # 75% × 150%


def test_large_benadeling_is_flagged_for_aangifte(srt):
    # una via (issue 17 item 8): with aangifte the other result cannot be a bestuurlijke boete
    investigation = outcome(
        srt,
        running(),
        other_result="maatregel",
        benadelingsbedrag=D("50000.00"),
        terugvordering=D("50000.00"),
    )
    assert investigation.aangifte is True


def test_mandatory_terugvordering(srt):
    with pytest.raises(ValidationError) as excinfo:
        outcome(srt, running(), terugvordering=D("0"))
    assert excinfo.value.error_dict["terugvordering"][0].code == "terugvordering_verplicht"


def test_waived_terugvordering_is_recorded(srt):
    investigation = outcome(
        srt,
        running(),
        terugvordering=D("0"),
        terugvordering_afgezien=True,
        terugvordering_afzien_reden="Schuldsanering loopt",
    )
    assert investigation.terugvordering_afgezien is True
    assert investigation.terugvordering_afzien_reden == "Schuldsanering loopt"


def test_ended_benefit_saves_twelve_months_of_the_dossier(srt):
    client = ClientFactory()
    dossier = DossierFactory(client=client, maandbedrag=D("1170.55"))
    investigation = outcome(
        srt, running(client=client, dossier=dossier), outcome="uitkering_beeindigd", other_result=""
    )
    assert investigation.maandbedrag_uitkering == D("1170.55")
    assert investigation.bespaarde_uitkering == D("14046.60")


def test_rejected_aanvraag_needs_monthly_amount(srt):
    client = ClientFactory()
    aanvraag = AanvraagFactory(client=client)
    with pytest.raises(ValidationError) as excinfo:
        outcome(srt, running(client=client, aanvraag=aanvraag), outcome="aanvraag_afgewezen", other_result="")
    assert "maandbedrag_uitkering" in excinfo.value.error_dict


def test_ended_benefit_without_dossier_is_refused(srt):
    with pytest.raises(ValidationError) as excinfo:
        outcome(srt, running(), outcome="uitkering_beeindigd", other_result="")
    assert excinfo.value.error_dict["outcome"][0].code == "dossier_verplicht"


def test_money_is_decimal_end_to_end(srt):
    investigation = outcome(srt, running(), benadelingsbedrag=D("1234.57"), terugvordering=D("1234.57"))
    stored = SrtInvestigation.objects.get(pk=investigation.pk)
    for value in (stored.benadelingsbedrag, stored.terugvordering, stored.boete, stored.bespaarde_uitkering):
        assert isinstance(value, Decimal)
    assert stored.boete == D("925.93")  # 1234.57 × 75% = 925.9275 → half up


def test_float_amount_is_refused(srt):
    with pytest.raises(TypeError):
        outcome(srt, running(), benadelingsbedrag=1000.0)


def test_outcome_without_parameters_is_a_validation_error(srt):
    from almelo_sociaal.parameters.models import LegalParameter

    LegalParameter.objects.filter(key__startswith="srt_").delete()
    with pytest.raises(ValidationError) as excinfo:
        outcome(srt, running())
    assert excinfo.value.error_dict["__all__"][0].code == "parameter_ontbreekt"


@pytest.mark.parametrize(
    "today",
    [date(2026, 12, 31), date(2027, 1, 1), date(2027, 1, 4), date(2028, 2, 29), date(2028, 3, 1)],
    ids=str,
)
def test_a_whole_investigation_and_the_last_30_days_report_on_calendar_boundaries(srt, today):
    """What the browser test (tests/e2e/test_srt.py) does relative to the real date, on the boundary days:
    a signal of 20 days ago, opened, started and closed today, counted in the report of the last 30 days."""
    from srt.selectors import srt_results

    with time_machine.travel(datetime(today.year, today.month, today.day, 10, tzinfo=AMSTERDAM), tick=False):
        signal = SignalFactory(received_on=today - timedelta(days=20))
        investigation = services.open_investigation(actor=srt, signal=signal, investigators=[srt])
        services.start_investigation(actor=srt, investigation=investigation)
        closed = outcome(srt, investigation, closed_on=today)
        report = srt_results(today - timedelta(days=30), today)
    assert investigation.reference.startswith(f"SRT-{today.year}-")
    assert (closed.opened_on, closed.closed_on, closed.duration_days) == (today, today, 0)
    assert (report.investigations, report.terugvordering_total) == (1, D("4000.00"))
