"""Budget services: append-only ledgers, corrections, reversals, SRT baten, forecast runs."""

from datetime import date
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from budget import selectors, services
from budget.models import BudgetRevision, BudgetYear, ForecastRun, RealisationEntry

from .conftest import TODAY

pytestmark = pytest.mark.django_db


def record(actor, **overrides):
    args = {
        "year": 2020,
        "kind": "voorlopig",
        "amount": D("35516242"),
        "published_on": date(2019, 10, 1),
        "source": "Resultaten 2020",
        "actor": actor,
        "today": TODAY,
    }
    args.update(overrides)
    return services.record_revision(**args)


# ---------------------------------------------------------------- revisions
def test_recording_a_revision_creates_the_year_and_stores_decimal_euros(finance):
    revision = record(finance)
    revision.refresh_from_db()
    assert BudgetYear.objects.filter(year=2020).exists()
    assert revision.amount == D("35516242.00")
    assert isinstance(revision.amount, D)
    assert revision.entered_by == finance


def test_second_entry_of_the_same_kind_is_refused_with_a_dutch_message(finance):
    record(finance)
    with pytest.raises(ValidationError) as exc:
        record(finance, amount=D("1"))
    error = exc.value.error_dict["kind"][0]
    assert error.code == "soort_bestaat_al"
    assert "correctie" in error.messages[0]
    assert BudgetRevision.objects.count() == 1


def test_two_bijstellingen_in_one_year_are_allowed(finance):
    record(finance, kind="bijstelling", published_on=date(2021, 2, 1))
    record(finance, kind="bijstelling", published_on=date(2021, 3, 1))
    assert BudgetRevision.objects.filter(kind="bijstelling").count() == 2


def test_database_refuses_a_duplicate_kind_even_without_the_service(finance):
    revision = record(finance)
    with pytest.raises(IntegrityError), transaction.atomic():
        BudgetRevision.objects.create(
            budget_year=revision.budget_year,
            kind="voorlopig",
            amount=D("1"),
            published_on=date(2019, 10, 2),
            source="x",
            entered_by=finance,
        )


def test_bezwaar_needs_its_date(finance):
    with pytest.raises(ValidationError) as exc:
        record(finance, bezwaar=True)
    assert exc.value.error_dict["bezwaar_on"][0].code == "bezwaar_datum"


def test_source_is_required(finance):
    with pytest.raises(ValidationError) as exc:
        record(finance, source="  ")
    assert exc.value.error_dict["source"][0].code == "bron_verplicht"


def test_correction_is_a_new_entry_and_the_original_stays_unchanged(finance):
    original = record(finance, amount=D("35516000"))
    correction = services.correct_revision(
        revision_id=original.pk,
        amount=D("35516242"),
        published_on=date(2019, 10, 1),
        source="Beschikking SZW",
        reason="Typefout bij invoer",
        actor=finance,
        today=TODAY,
    )
    original.refresh_from_db()
    assert original.amount == D("35516000.00")
    assert correction.corrects == original
    assert correction.kind == "voorlopig"
    assert BudgetRevision.objects.count() == 2
    assert selectors.current_budget(2020) == ("voorlopig", D("35516242.00"))


def test_correction_without_reason_is_refused(finance):
    original = record(finance)
    with pytest.raises(ValidationError) as exc:
        services.correct_revision(
            revision_id=original.pk,
            amount=D("1"),
            published_on=date(2019, 10, 1),
            source="x",
            reason="",
            actor=finance,
            today=TODAY,
        )
    assert exc.value.error_dict["reason"][0].code == "reden_verplicht"


def test_an_entry_can_be_corrected_only_once(finance):
    original = record(finance)
    args = {
        "amount": D("2"),
        "published_on": date(2019, 10, 1),
        "source": "x",
        "reason": "r",
        "actor": finance,
        "today": TODAY,
    }
    services.correct_revision(revision_id=original.pk, **args)
    with pytest.raises(ValidationError) as exc:
        services.correct_revision(revision_id=original.pk, **args)
    assert exc.value.error_dict["corrects"][0].code == "al_gecorrigeerd"


def test_pro_forma_bezwaar_after_publication_is_recorded_with_a_correction(finance):
    original = record(finance, kind="definitief", amount=D("36840104"), published_on=date(2020, 10, 1))
    correction = services.correct_revision(
        revision_id=original.pk,
        amount=original.amount,
        published_on=original.published_on,
        source=original.source,
        reason="Pro-forma bezwaar ingediend",
        bezwaar=True,
        bezwaar_on=date(2020, 11, 10),
        actor=finance,
        today=TODAY,
    )
    assert correction.bezwaar is True
    assert correction.bezwaar_on == date(2020, 11, 10)


# ---------------------------------------------------------------- append-only
def test_a_revision_cannot_be_saved_again(finance):
    revision = record(finance)
    revision.amount = D("1")
    with pytest.raises(ValidationError):
        revision.save()


def test_a_revision_cannot_be_deleted(finance):
    revision = record(finance)
    with pytest.raises(ValidationError):
        revision.delete()
    with pytest.raises(ValidationError):
        BudgetRevision.objects.all().delete()


def test_the_ledger_has_no_bulk_update(finance):
    record(finance)
    with pytest.raises(ValidationError):
        BudgetRevision.objects.update(amount=D("1"))
    with pytest.raises(ValidationError):
        RealisationEntry.objects.update(amount=D("1"))


# ---------------------------------------------------------------- realisation
def book(actor, **overrides):
    args = {
        "year": 2020,
        "month": date(2020, 3, 17),
        "post": "ioaw",
        "amount": D("145603.24"),
        "actor": actor,
    }
    args.update(overrides)
    return services.record_realisation(**args)


def test_realisation_is_booked_on_the_first_of_the_month(finance):
    entry = book(finance)
    assert entry.month == date(2020, 3, 1)
    assert entry.amount == D("145603.24")


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        ({"month": date(2021, 1, 1)}, "month", "maand_buiten_jaar"),
        ({"amount": D("-5")}, "amount", "bedrag_negatief"),
        ({"post": "tozo"}, "post", "post_onbekend"),
    ],
)
def test_invalid_realisation_is_refused(finance, overrides, field, code):
    with pytest.raises(ValidationError) as exc:
        book(finance, **overrides)
    assert exc.value.error_dict[field][0].code == code


def test_reversal_negates_the_amount_and_keeps_the_original(finance):
    entry = book(finance)
    reversal = services.reverse_realisation(entry_id=entry.pk, reason="Dubbel geboekt", actor=finance)
    assert reversal.amount == D("-145603.24")
    assert reversal.reverses == entry
    assert RealisationEntry.objects.count() == 2
    assert selectors.monthly_net_lasten(entry.budget_year) == {3: D("0.00")}


def test_a_line_can_be_reversed_only_once(finance):
    entry = book(finance)
    services.reverse_realisation(entry_id=entry.pk, reason="Dubbel", actor=finance)
    with pytest.raises(ValidationError) as exc:
        services.reverse_realisation(entry_id=entry.pk, reason="Dubbel", actor=finance)
    assert exc.value.messages == ["Deze regel is al teruggedraaid."]


def test_a_reversal_cannot_be_reversed(finance):
    entry = book(finance)
    reversal = services.reverse_realisation(entry_id=entry.pk, reason="Dubbel", actor=finance)
    with pytest.raises(ValidationError):
        services.reverse_realisation(entry_id=reversal.pk, reason="x", actor=finance)


def test_net_lasten_subtract_baten(finance):
    book(finance, post="algemene_bijstand", amount=D("3000000.00"))
    book(finance, post="loonkostensubsidie", amount=D("150000.10"))
    book(finance, post="terugvordering_verhaal", amount=D("40000.05"))
    budget_year = BudgetYear.objects.get(year=2020)
    assert selectors.monthly_net_lasten(budget_year) == {3: D("3110000.05")}


# ---------------------------------------------------------------- SRT baten
def test_srt_recoveries_are_booked_as_baten_once(finance, fake_srt):
    created = services.book_srt_recoveries(year=2021, actor=finance, source=fake_srt)
    assert [(e.month, e.amount) for e in created] == [
        (date(2021, 1, 1), D("30000.00")),
        (date(2021, 2, 1), D("45000.50")),
    ]
    assert all(e.post == "terugvordering_verhaal" and e.source == "srt" for e in created)
    assert services.book_srt_recoveries(year=2021, actor=finance, source=fake_srt) == []


def test_srt_booking_takes_only_the_increase(finance, fake_srt):
    services.book_srt_recoveries(year=2021, actor=finance, source=fake_srt)
    fake_srt.amounts[1] = D("32500.00")
    created = services.book_srt_recoveries(year=2021, actor=finance, source=fake_srt)
    assert [(e.month.month, e.amount) for e in created] == [(1, D("2500.00"))]


def test_srt_booking_without_the_srt_module_is_refused(finance, monkeypatch):
    monkeypatch.setattr(selectors, "default_srt_source", lambda: None)
    with pytest.raises(ValidationError) as exc:
        services.book_srt_recoveries(year=2021, actor=finance)
    assert exc.value.code == "srt_niet_beschikbaar"


# ---------------------------------------------------------------- forecast
def test_forecast_2021_is_2900_uitkeringen_times_15000(finance, seed_revisions):
    services.set_caseload_uitgangspunt(year=2021, value=2900, actor=finance)
    runs = {r.scenario: r for r in services.recompute_year(year=2021, today=TODAY)}
    basis = runs["basis"]
    assert basis.lasten == D("43500000.00")
    assert basis.budget_amount == D("42678201.00")
    assert basis.tekort == D("821799.00")
    assert basis.tekort_pct == D("1.93")


def test_high_scenario_uses_the_growth_parameters(finance, seed_revisions):
    services.set_caseload_uitgangspunt(year=2021, value=2900, actor=finance)
    runs = {r.scenario: r for r in services.recompute_year(year=2021, today=TODAY)}
    assert runs["hoog"].caseload == 3190  # +10%
    assert runs["hoog"].cost_per_uitkering == D("15750.00")  # +5%
    assert runs["hoog"].lasten == D("50242500.00")


def test_without_uitgangspunt_the_caseload_comes_from_the_dossiers(finance, seed_revisions, monkeypatch):
    calls = []

    def fake_count(on):
        calls.append(on)
        return 2650

    monkeypatch.setattr("cases.selectors.active_dossier_count", fake_count)
    runs = {r.scenario: r for r in services.recompute_year(year=2021, today=TODAY)}
    assert calls == [TODAY]
    assert runs["basis"].caseload == 2650
    assert runs["basis"].inputs["bron_uitkeringen"] == "lopende uitkeringsdossiers op 01-06-2021"


def test_caseload_of_a_past_year_is_taken_at_its_last_day(finance, seed_revisions, monkeypatch):
    calls = []
    monkeypatch.setattr("cases.selectors.active_dossier_count", lambda on: calls.append(on) or 10)
    services.recompute_year(year=2020, today=TODAY)
    assert calls == [date(2020, 12, 31)]


def test_without_dossiers_or_uitgangspunt_there_is_no_caseload_forecast(finance, seed_revisions, monkeypatch):
    monkeypatch.setattr("cases.selectors.active_dossier_count", lambda on: 0)
    assert services.recompute_year(year=2021, today=TODAY) == []


def test_extrapolation_run_uses_the_realisation_to_date(finance, seed_revisions):
    for m in (1, 2, 3):
        book(finance, year=2021, month=date(2021, m, 1), post="algemene_bijstand", amount=D("3500000"))
    runs = {r.scenario: r for r in services.recompute_year(year=2021, today=TODAY)}
    assert runs["realisatie"].lasten == D("42000000.00")
    assert runs["realisatie"].tekort == D("-678201.00")


def test_recompute_is_idempotent_per_day(finance, seed_revisions):
    services.set_caseload_uitgangspunt(year=2021, value=2900, actor=finance)
    services.recompute_year(year=2021, today=TODAY)
    services.recompute_year(year=2021, today=TODAY)
    assert ForecastRun.objects.filter(budget_year__year=2021).count() == 3  # basis, hoog, laag
    services.recompute_year(year=2021, today=date(2021, 6, 2))
    assert ForecastRun.objects.filter(budget_year__year=2021).count() == 6


def test_recompute_overwrites_the_same_day_with_the_new_figures(finance, seed_revisions):
    services.set_caseload_uitgangspunt(year=2021, value=2900, actor=finance)
    services.recompute_year(year=2021, today=TODAY)
    services.set_caseload_uitgangspunt(year=2021, value=3000, actor=finance)
    services.recompute_year(year=2021, today=TODAY)
    run = ForecastRun.objects.get(budget_year__year=2021, scenario="basis", run_on=TODAY)
    assert run.lasten == D("45000000.00")


def test_a_revision_enqueues_the_recompute_after_commit(
    finance, django_capture_on_commit_callbacks, monkeypatch
):
    years = []
    monkeypatch.setattr(
        "budget.tasks.recompute_budget_year.apply_async",
        lambda args=(), kwargs=None, **kw: years.append(args[0]),
    )
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        record(finance)
    assert years == [2020]
    assert len(callbacks) == 1


def test_a_month_of_bookings_in_one_transaction_enqueues_one_recompute(
    finance, django_capture_on_commit_callbacks, monkeypatch
):
    years = []
    monkeypatch.setattr(
        "budget.tasks.recompute_budget_year.apply_async",
        lambda args=(), kwargs=None, **kw: years.append(args[0]),
    )
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        for post in ("algemene_bijstand", "ioaw", "ioaz"):
            book(finance, post=post)
    assert years == [2020]


def test_a_failing_recompute_does_not_undo_the_entry(
    finance, django_capture_on_commit_callbacks, monkeypatch
):
    def boom(year):
        raise RuntimeError("broker weg")

    monkeypatch.setattr("budget.tasks.recompute_budget_year.delay", boom)
    with django_capture_on_commit_callbacks(execute=True):
        record(finance)
    assert BudgetRevision.objects.count() == 1


def test_the_task_recomputes_the_year(finance, seed_revisions):
    from budget.tasks import recompute_budget_year

    services.set_caseload_uitgangspunt(year=2021, value=2900, actor=finance)
    assert recompute_budget_year.apply(args=[2021]).get() == 3


# ---------------------------------------------------------------- vangnet configuration
def test_vangnet_configuration_is_validated_by_the_rules(finance):
    with pytest.raises(ValidationError) as exc:
        services.configure_vangnet(
            year=2021, eigen_risico_pct=D("7.5"), bands=[(D("5"), None, D("50"))], source="x"
        )
    assert exc.value.error_dict["bands"][0].code == "schijf_overlapt"


def test_vangnet_configuration_replaces_the_bands(finance):
    services.configure_vangnet(
        year=2021, eigen_risico_pct=D("7.5"), bands=[(D("7.5"), None, D("50"))], source="x"
    )
    regel = services.configure_vangnet(
        year=2021,
        eigen_risico_pct=D("7.5"),
        bands=[(D("7.5"), D("12.5"), D("50")), (D("12.5"), None, D("100"))],
        source="y",
    )
    assert regel.bands.count() == 2
    assert selectors.vangnet_config(2021).bands[1].share_pct == D("100.00")


def test_a_revision_for_a_far_future_year_is_refused(finance):
    with pytest.raises(ValidationError) as exc:
        record(finance, year=2099, published_on=date(2021, 1, 1))
    assert exc.value.error_dict["year"][0].code == "jaar_ongeldig"
    assert not BudgetYear.objects.filter(year=2099).exists()


def test_creating_an_existing_year_is_refused(finance):
    services.create_year(year=2021, actor=finance)
    with pytest.raises(ValidationError) as exc:
        services.create_year(year=2021, actor=finance)
    assert exc.value.error_dict["year"][0].code == "jaar_bestaat"


def test_uitgangspunt_change_keeps_its_history(finance):
    services.create_year(year=2021, actor=finance)
    services.set_caseload_uitgangspunt(year=2021, value=2900, actor=finance)
    services.set_caseload_uitgangspunt(year=2021, value=3000, actor=finance)
    history = BudgetYear.objects.get(year=2021).history.order_by("history_date")
    assert [h.caseload_uitgangspunt for h in history] == [None, 2900, 3000]
    assert history.last().history_user == finance


# ---------------------------------------------------------------- order of the kinds
def test_a_nader_voorlopig_published_before_the_voorlopig_is_refused(finance):
    record(finance, published_on=date(2019, 10, 1))
    with pytest.raises(ValidationError) as exc:
        record(finance, kind="nader_voorlopig", amount=D("34240957"), published_on=date(2019, 9, 1))
    error = exc.value.error_dict["published_on"][0]
    assert error.code == "datum_volgorde"
    assert error.messages[0].startswith(
        "De publicatiedatum (01-09-2019) ligt vóór die van het voorlopig budget 2020 (01-10-2019)"
    )


def test_a_voorlopig_published_after_the_definitief_is_refused(finance):
    record(finance, kind="definitief", amount=D("36840104"), published_on=date(2020, 10, 1))
    with pytest.raises(ValidationError) as exc:
        record(finance, published_on=date(2020, 11, 1))
    assert exc.value.error_dict["published_on"][0].code == "datum_volgorde"


def test_a_date_out_of_order_is_accepted_with_the_exception_explained(finance):
    record(finance, published_on=date(2019, 10, 1))
    revision = record(
        finance,
        kind="nader_voorlopig",
        amount=D("34240957"),
        published_on=date(2019, 9, 1),
        note="Beschikking nader voorlopig is eerder verstuurd dan de voorlopige (bevestigd door SZW).",
    )
    assert revision.pk


def test_a_correction_that_moves_a_date_out_of_order_is_refused(finance):
    voorlopig = record(finance, published_on=date(2019, 10, 1))
    record(finance, kind="nader_voorlopig", amount=D("34240957"), published_on=date(2020, 4, 1))
    with pytest.raises(ValidationError) as exc:
        services.correct_revision(
            revision_id=voorlopig.pk,
            amount=D("35516242"),
            published_on=date(2020, 5, 1),
            source="Resultaten 2020",
            reason="Datum verkeerd overgenomen",
            actor=finance,
            today=TODAY,
        )
    assert exc.value.error_dict["published_on"][0].code == "datum_volgorde"
