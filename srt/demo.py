"""Demo data: the SRT results of seed 000 (November 2019 – October 2020), so the report reproduces them.

175 investigations closed in the period: 25 uitkering beëindigd, 39 aanvraag afgewezen, 111 ander resultaat;
"bespaarde uitkering" of 64 benefits × 12 months ≈ € 0.9 M (average monthly benefit € 1,171.88);
terugvordering on 54 investigations > € 0.4 M. Plus earlier investigations (2019) that make some
clients recidivists, closures every month after the period up to today, discarded and new signals, and a few running investigations. Idempotent (skips when
the "D" series exists); bulk inserts; it never changes the clients, dossiers or aanvragen of the cases demo.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from almelo_sociaal.accounts.roles import Role
from almelo_sociaal.core.rules import money
from almelo_sociaal.parameters.services import ensure_default_parameters
from cases.models import Aanvraag, Client, Uitkeringsdossier

from . import rules, selectors
from .models import SrtAssignment, SrtDocument, SrtInvestigation, SrtNote, SrtSignal
from .rules import Culpability, InvestigationStatus, OtherResult, Outcome, SignalSource, SignalStatus

PERIOD_START, PERIOD_END = date(2019, 11, 1), date(2020, 10, 31)
N_ENDED, N_REJECTED, N_OTHER = 25, 39, 111
OTHER_SPLIT = {
    OtherResult.GEEN_OVERTREDING: 48,
    OtherResult.WAARSCHUWING: 18,
    OtherResult.MAATREGEL: 25,
    OtherResult.BOETE: 20,
}
N_RECOVERY_FROM_MAATREGEL = 9  # 25 ended + 20 boete + 9 maatregel = 54 terugvorderingen
SOURCE_WEIGHTS = {
    SignalSource.GEGEVENSMATCH: 50,
    SignalSource.MELDING: 45,
    SignalSource.THEMACONTROLE: 40,
    SignalSource.HUISBEZOEK: 20,
    SignalSource.NIET_VERSCHENEN: 20,
}
RISK_PROFILES = [
    "Woonsituatie: gezamenlijke huishouding",
    "Vermogen buitenland",
    "Inkomsten uit zelfstandige arbeid",
    "Langdurig geen contact",
]
MEAN_MONTHLY = Decimal("1171.88")
RECOVERY_TOTAL = Decimal("412650.00")


def _monthly_benefits(rng: random.Random, n: int) -> list[Decimal]:
    """n amounts around the mean in symmetric pairs, so their total is exactly n × mean."""
    amounts = []
    for _ in range(n // 2):
        delta = Decimal(rng.randint(0, 22000)) / 100
        amounts += [MEAN_MONTHLY + delta, MEAN_MONTHLY - delta]
    if n % 2:
        amounts.append(MEAN_MONTHLY)
    rng.shuffle(amounts)
    return amounts


def _recoveries(rng: random.Random, n: int) -> list[Decimal]:
    """n amounts that add up to RECOVERY_TOTAL (one large case above the OM threshold comes first)."""
    large = Decimal("52340.00")
    weights = [rng.uniform(0.3, 1.7) for _ in range(n - 1)]
    rest = RECOVERY_TOTAL - large
    amounts = [money(rest * Decimal(str(round(w / sum(weights), 6)))) for w in weights]
    amounts[-1] += rest - sum(amounts)
    return [large, *amounts]


def _source_list(rng: random.Random, n: int) -> list[str]:
    sources = [s for s, w in SOURCE_WEIGHTS.items() for _ in range(w)]
    rng.shuffle(sources)
    return (sources * (n // len(sources) + 1))[:n]


def load(*, stdout) -> None:
    """One function per entity: the plan of the investigations, their signals, the investigations, the
    running ones, and their file (assignments, findings, documents)."""
    if SrtInvestigation.objects.exists():
        stdout.write("SRT: demo-onderzoeken bestaan al; overgeslagen.")
        return
    if not Client.objects.exists():
        stdout.write("SRT: geen cliënten; laad eerst de demo van cases.")
        return
    ensure_default_parameters()
    investigators = list(get_user_model().objects.filter(groups__name=Role.SRT).order_by("id"))
    author = investigators[0] if investigators else None
    with transaction.atomic():
        _load(stdout, investigators, author)


@dataclass
class _Sources:
    """The cases demo's records the SRT demo links to (never changed)."""

    dossiers: list
    aanvragen: list
    client_ids: list[int]


def _sources() -> _Sources | None:
    dossiers = list(Uitkeringsdossier.objects.order_by("id").only("id", "client_id")[: N_ENDED + N_OTHER])
    aanvragen = list(
        Aanvraag.objects.order_by("-status", "id")
        .filter(status=Aanvraag.Status.AFGEWEZEN)
        .only("id", "client_id")
    )
    if len(aanvragen) < N_REJECTED:
        aanvragen += list(
            Aanvraag.objects.exclude(status=Aanvraag.Status.AFGEWEZEN)
            .order_by("id")
            .only("id", "client_id")[: N_REJECTED - len(aanvragen)]
        )
    client_ids = list(Client.objects.order_by("id").values_list("id", flat=True)[:400])
    if len(dossiers) < N_ENDED or len(aanvragen) < N_REJECTED:
        return None
    return _Sources(dossiers, aanvragen, client_ids)


def _load(stdout, investigators, author) -> None:
    rng = random.Random(2020)
    src = _sources()
    if src is None:
        stdout.write("SRT: te weinig dossiers of aanvragen in de demo; SRT-demo overgeslagen.")
        return
    params = selectors.srt_parameters(PERIOD_END)
    earlier_rows, recidivists = _plan_earlier(src)
    rows, sources = _plan_period(rng=rng, src=src, recidivists=recidivists, params=params)
    _only_intended_recidive(rows, earlier_rows, src.client_ids)
    today = timezone.localdate()
    later = _plan_to_today(today=today, src=src, fined=_fined_clients(earlier_rows + rows))
    signals = _save_signals(rng=rng, rows=earlier_rows + rows + later, author=author)
    discarded = _save_discarded_signals(rng=rng, src=src, sources=sources, author=author)
    fresh = _save_new_signals(src=src, sources=sources, today=today, author=author)
    investigations = _save_closed_investigations(
        rows=earlier_rows + rows + later, signals=signals, params=params, author=author
    )
    running, running_signals = _save_running_investigations(
        src=src, sources=sources, today=today, author=author
    )
    investigations += running
    _number(investigations)
    _save_assignments(investigations, investigators)
    _save_notes_and_documents(investigations, author)
    stdout.write(
        f"SRT: {len(investigations)} onderzoeken ({len(rows)} afgerond nov 2019 – okt 2020), "
        f"{len(signals) + len(discarded) + len(fresh) + len(running_signals)} signalen."
    )


def _plan_earlier(src: _Sources) -> tuple[list[dict], list[int]]:
    """Earlier investigations (January–September 2019) with a boete: these clients are recidivists in the period."""
    dossiers = src.dossiers
    recidivists: list[int] = []
    earlier_rows = []
    for k in range(10):
        dossier = dossiers[N_ENDED + k] if N_ENDED + k < len(dossiers) else dossiers[k]
        recidivists.append(dossier.client_id)
        closed = date(2019, 1 + k % 9, 10)  # before the period, on dates the SRT parameters have values
        earlier_rows.append(
            dict(
                client_id=dossier.client_id,
                dossier_id=dossier.id,
                aanvraag_id=None,
                source=SignalSource.GEGEVENSMATCH,
                opened=closed - timedelta(days=45),
                closed=closed,
                outcome=Outcome.ANDER_RESULTAAT,
                other=OtherResult.BOETE,
                culpability=Culpability.NORMAAL,
                benadeling=Decimal("1800.00"),
                terugvordering=Decimal("1800.00"),
                boete=Decimal("900.00"),
                monthly=None,
                recidive=False,
                warning=False,
                geschonden=True,
            )
        )
        earlier_rows[-1]["proposal"] = rules.propose_boete(
            benadelingsbedrag=Decimal("1800.00"),
            culpability=Culpability.NORMAAL,
            recidive=rules.RecidiveFinding(False, False, (), (), 5, 2),
            params=selectors.srt_parameters(closed),
        )
    return earlier_rows, recidivists


def _plan_period(*, rng, src: _Sources, recidivists, params) -> tuple[list[dict], list[str]]:
    """The outcomes of the period, in a fixed order; dates spread over the twelve months."""
    dossiers, client_ids = src.dossiers, src.client_ids
    plan: list[tuple[str, str]] = [(Outcome.UITKERING_BEEINDIGD, "")] * N_ENDED
    plan += [(Outcome.AANVRAAG_AFGEWEZEN, "")] * N_REJECTED
    for other, count in OTHER_SPLIT.items():
        plan += [(Outcome.ANDER_RESULTAAT, str(other))] * count
    rng.shuffle(plan)
    sources = _source_list(rng, len(plan))
    monthly = iter(_monthly_benefits(rng, N_ENDED + N_REJECTED))
    recoveries = _recoveries(rng, N_ENDED + OTHER_SPLIT[OtherResult.BOETE] + N_RECOVERY_FROM_MAATREGEL)
    recovery_iter = iter(recoveries)
    maatregel_recoveries = N_RECOVERY_FROM_MAATREGEL
    ended_dossiers = iter(dossiers[:N_ENDED])
    other_dossiers = iter(dossiers[N_ENDED:])
    rejected = iter(src.aanvragen[:N_REJECTED])
    rows = []
    boete_recidive = iter(recidivists)
    for i, ((outcome, other), source) in enumerate(zip(plan, sources, strict=True)):
        month = (PERIOD_START.month - 1 + i % 12) % 12 + 1
        year = PERIOD_START.year if month >= PERIOD_START.month else PERIOD_END.year
        closed = date(year, month, rng.randint(1, 28))
        opened = closed - timedelta(days=rng.randint(14, 120))
        row = dict(
            source=source,
            opened=opened,
            closed=closed,
            outcome=outcome,
            other=other,
            culpability=Culpability.GEEN,
            benadeling=Decimal("0.00"),
            terugvordering=Decimal("0.00"),
            boete=Decimal("0.00"),
            monthly=None,
            recidive=False,
            warning=other == OtherResult.WAARSCHUWING,
            geschonden=False,
            aanvraag_id=None,
            dossier_id=None,
        )
        if outcome == Outcome.UITKERING_BEEINDIGD:
            dossier = next(ended_dossiers)
            row.update(client_id=dossier.client_id, dossier_id=dossier.id, monthly=next(monthly))
        elif outcome == Outcome.AANVRAAG_AFGEWEZEN:
            aanvraag = next(rejected)
            row.update(client_id=aanvraag.client_id, aanvraag_id=aanvraag.id, monthly=next(monthly))
        else:
            dossier = next(other_dossiers, None)
            if other == OtherResult.BOETE:
                client_id = next(boete_recidive, None)
                if client_id is not None:
                    row.update(client_id=client_id, recidive=True)
                    dossier = next((d for d in dossiers if d.client_id == client_id), dossier)
            if "client_id" not in row:
                row["client_id"] = dossier.client_id if dossier else rng.choice(client_ids)
            row["dossier_id"] = dossier.id if dossier and dossier.client_id == row["client_id"] else None
        with_recovery = outcome == Outcome.UITKERING_BEEINDIGD or other == OtherResult.BOETE
        if other == OtherResult.MAATREGEL and maatregel_recoveries:
            maatregel_recoveries -= 1
            with_recovery = True
        if with_recovery:
            amount = next(recovery_iter)
            culpability = rng.choice([Culpability.OPZET, Culpability.GROVE_SCHULD, Culpability.NORMAAL])
            finding = rules.RecidiveFinding(row["recidive"], False, (), (), 5, 2)
            # una via: a 'bestuurlijke boete' result above the aangifte threshold took the boete route
            route_boete = other == OtherResult.BOETE and rules.aangifte_required(
                benadelingsbedrag=amount, threshold=params.aangifte_threshold
            )
            proposal = rules.propose_boete(
                benadelingsbedrag=amount,
                culpability=culpability,
                recidive=finding,
                params=params,
                aangifte=False if route_boete else None,
            )
            if route_boete:
                row["aangifte_reden"] = "Het OM heeft de zaak terugverwezen voor bestuurlijke afdoening."
            boete = Decimal("0.00") if other == OtherResult.MAATREGEL else proposal.amount
            if outcome == Outcome.UITKERING_BEEINDIGD and not proposal.aangifte and rng.random() < 0.4:
                boete = Decimal("0.00")  # e.g. no boete because of draagkracht; recorded as adjustment
            row.update(
                culpability=culpability,
                benadeling=amount,
                terugvordering=amount,
                boete=boete,
                geschonden=True,
                proposal=proposal,
            )
        rows.append(row)
    return rows, sources


LATER_OUTCOMES = [
    (Outcome.ANDER_RESULTAAT, OtherResult.GEEN_OVERTREDING),
    (Outcome.UITKERING_BEEINDIGD, ""),
    (Outcome.ANDER_RESULTAAT, OtherResult.MAATREGEL),
]


def _fined_clients(rows: list[dict]) -> set[int]:
    return {r["client_id"] for r in rows if r["boete"] > 0}


def _plan_to_today(*, today: date, src: _Sources, fined: set[int]) -> list[dict]:
    """After the seed's period: investigations closing every month up to today (three a month), for clients
    without an earlier boete, so the management pages of today have figures."""
    clean = [c for c in src.client_ids if c not in fined]
    dossiers = list(
        Uitkeringsdossier.objects.exclude(client_id__in=fined).order_by("id").only("id", "client_id")[:120]
    )
    if not clean or not dossiers:
        return []
    sources = list(SOURCE_WEIGHTS)
    rows, n = [], 0
    year, month = PERIOD_END.year, PERIOD_END.month + 1
    while (year, month) <= (today.year, today.month):
        for k, (outcome, other) in enumerate(LATER_OUTCOMES):
            closed = date(year, month, min(3 + k * 9, 28))
            if (year, month) == (today.year, today.month):
                closed = date(year, month, max(1, min(closed.day, today.day)))
            row = dict(
                source=sources[n % len(sources)],
                opened=closed - timedelta(days=30 + (n % 7) * 11),
                closed=closed,
                outcome=outcome,
                other=other,
                culpability=Culpability.GEEN,
                benadeling=Decimal("0.00"),
                terugvordering=Decimal("0.00"),
                boete=Decimal("0.00"),
                monthly=None,
                recidive=False,
                warning=False,
                geschonden=False,
                aanvraag_id=None,
                dossier_id=None,
                client_id=clean[n % len(clean)],
            )
            if outcome == Outcome.UITKERING_BEEINDIGD:
                dossier = dossiers[n % len(dossiers)]
                row.update(client_id=dossier.client_id, dossier_id=dossier.id, monthly=MEAN_MONTHLY)
            rows.append(row)
            n += 1
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return rows


def _only_intended_recidive(rows: list[dict], earlier_rows: list[dict], client_ids: list[int]) -> None:
    """Recidive is a fact of the client's history (a boete in the 5 years before), not a choice of the demo:
    an 'ander resultaat' that landed on a client fined before (and is not one of the planned recidivists)
    moves to a client without an earlier boete, so the stored recidive is what the rules find."""
    fined = {r["client_id"]: r["closed"] for r in earlier_rows}
    for row in sorted(rows, key=lambda r: r["closed"]):
        prior = fined.get(row["client_id"])
        if prior is not None and prior <= row["closed"] and not row["recidive"]:
            if row["outcome"] == Outcome.ANDER_RESULTAAT:
                row["client_id"] = next(c for c in client_ids if c not in fined)
                row["dossier_id"] = None
        if row["boete"] > 0:
            fined.setdefault(row["client_id"], row["closed"])


def _save_signals(*, rng, rows: list[dict], author) -> list[SrtSignal]:
    """A signal for every closed investigation."""
    signals = []
    for row in rows:
        signals.append(
            SrtSignal(
                client_id=row["client_id"],
                dossier_id=row["dossier_id"],
                aanvraag_id=row["aanvraag_id"],
                source=row["source"],
                risk_profile=rng.choice(RISK_PROFILES) if row["source"] == SignalSource.THEMACONTROLE else "",
                received_on=row["opened"] - timedelta(days=rng.randint(0, 10)),
                description=_signal_text(row["source"]),
                status=SignalStatus.IN_ONDERZOEK,
                triaged_by=author,
                triaged_at=_at(row["opened"], 9),
                created_by=author,
            )
        )
    return SrtSignal.objects.bulk_create(signals)


def _save_discarded_signals(*, rng, src: _Sources, sources, author) -> list[SrtSignal]:
    client_ids = src.client_ids
    discarded = []
    for k in range(58):
        received = PERIOD_START + timedelta(days=rng.randint(0, 360))
        source = sources[k]
        discarded.append(
            SrtSignal(
                client_id=rng.choice(client_ids),
                source=source,
                risk_profile=rng.choice(RISK_PROFILES) if source == SignalSource.THEMACONTROLE else "",
                received_on=received,
                description=_signal_text(source),
                status=SignalStatus.VERWORPEN,
                discard_reason="Onvoldoende concrete aanwijzingen; geen onderzoek.",
                triaged_by=author,
                created_by=author,
            )
        )
    return SrtSignal.objects.bulk_create(discarded)


def _save_new_signals(*, src: _Sources, sources, today: date, author) -> list[SrtSignal]:
    """Signals still to triage, received in the last weeks."""
    client_ids = src.client_ids
    fresh = []
    for k in range(6):
        source = sources[-k - 1]
        fresh.append(
            SrtSignal(
                client_id=client_ids[-k - 1],
                source=source,
                risk_profile=RISK_PROFILES[0] if source == SignalSource.THEMACONTROLE else "",
                received_on=today - timedelta(days=k * 3),
                description=_signal_text(source),
                created_by=author,
            )
        )
    return SrtSignal.objects.bulk_create(fresh)


def _save_closed_investigations(*, rows: list[dict], signals, params, author) -> list[SrtInvestigation]:
    investigations = []
    for n, (row, signal) in enumerate(zip(rows, signals, strict=True), start=1):
        proposal = row.get("proposal")
        savings = rules.bespaarde_uitkering(
            outcome=row["outcome"], monthly_benefit=row["monthly"], months=params.savings_months
        )
        investigations.append(
            SrtInvestigation(
                reference=f"tmp-demo-{n}",
                signal=signal,
                client_id=row["client_id"],
                dossier_id=row["dossier_id"],
                aanvraag_id=row["aanvraag_id"],
                source=row["source"],
                status=InvestigationStatus.AFGEROND,
                opened_on=row["opened"],
                started_on=row["opened"] + timedelta(days=2),
                closed_on=row["closed"],
                duration_days=(row["closed"] - row["opened"]).days,
                outcome=row["outcome"],
                other_result=row["other"],
                conclusion=_conclusion(row["outcome"], row["other"]),
                inlichtingenplicht_geschonden=row["geschonden"],
                culpability=row["culpability"],
                benadelingsbedrag=row["benadeling"],
                terugvordering=row["terugvordering"],
                terugvordering_grond=(
                    rules.TerugvorderingGrond.VERPLICHT
                    if row["geschonden"]
                    else rules.TerugvorderingGrond.BEVOEGD
                ),
                boete_advice=proposal.advice if proposal else rules.BoeteAdvice.GEEN,
                boete_voorstel=proposal.amount if proposal else Decimal("0.00"),
                boete=row["boete"],
                boete_reden=(
                    ""
                    if not proposal or row["boete"] == proposal.amount
                    else "Maatregel opgelegd in plaats van een boete."
                    if row["other"] == OtherResult.MAATREGEL
                    else "Beperkte draagkracht; alleen terugvordering."
                ),
                recidive=row["recidive"],
                waarschuwing=row["warning"],
                aangifte=bool(proposal and proposal.route_aangifte),
                aangifte_reden=row.get("aangifte_reden", ""),
                maandbedrag_uitkering=row["monthly"],
                bespaarde_uitkering=savings.amount,
                outcome_recorded_by=author,
            )
        )
    return SrtInvestigation.objects.bulk_create(investigations)


def _save_running_investigations(*, src: _Sources, sources, today: date, author):
    """A few running investigations (opened recently)."""
    client_ids = src.client_ids
    running = []
    running_signals = []
    for k in range(5):
        source = sources[k + 10]
        running_signals.append(
            SrtSignal(
                client_id=client_ids[k + 1],
                source=source,
                risk_profile=RISK_PROFILES[1] if source == SignalSource.THEMACONTROLE else "",
                received_on=today - timedelta(days=30 + k * 5),
                description=_signal_text(source),
                status=SignalStatus.IN_ONDERZOEK,
                triaged_by=author,
                created_by=author,
            )
        )
    SrtSignal.objects.bulk_create(running_signals)
    for k, signal in enumerate(running_signals):
        running.append(
            SrtInvestigation(
                reference=f"tmp-demo-running-{k}",
                signal=signal,
                client_id=signal.client_id,
                source=signal.source,
                status=InvestigationStatus.IN_ONDERZOEK if k < 3 else InvestigationStatus.GEMELD,
                opened_on=signal.received_on + timedelta(days=1),
                started_on=signal.received_on + timedelta(days=3) if k < 3 else None,
            )
        )
    return SrtInvestigation.objects.bulk_create(running), running_signals


def _number(investigations) -> None:
    """The case numbers, in the one format the service gives (year opened, number)."""
    for investigation in investigations:
        investigation.reference = rules.investigation_reference(
            opened_on=investigation.opened_on, number=investigation.pk
        )
    SrtInvestigation.objects.bulk_update(investigations, ["reference"], batch_size=500)


def _save_assignments(investigations, investigators) -> None:
    if investigators:
        SrtAssignment.objects.bulk_create(
            SrtAssignment(investigation=inv, user=investigators[n % len(investigators)])
            for n, inv in enumerate(investigations)
        )


def _save_notes_and_documents(investigations, author) -> None:
    """The file of each investigation: opening, a finding, the outcome and its report, on their own dates."""
    if author is None:
        return
    notes, documents = [], []
    for n, inv in enumerate(investigations):
        notes.append(
            SrtNote(
                investigation=inv,
                kind=SrtNote.Kind.STATUS,
                text="Onderzoek geopend uit signaal.",
                author=author,
            )
        )
        notes.append(
            SrtNote(
                investigation=inv,
                kind=SrtNote.Kind.BEVINDING,
                text="Gegevens opgevraagd via Suwinet en de BRP; cliënt uitgenodigd voor een gesprek.",
                author=author,
            )
        )
        if inv.status == InvestigationStatus.AFGEROND:
            notes.append(
                SrtNote(investigation=inv, kind=SrtNote.Kind.UITKOMST, text=inv.conclusion, author=author)
            )
            documents.append(
                SrtDocument(
                    investigation=inv,
                    kind=SrtDocument.Kind.RAPPORT_HUISBEZOEK
                    if inv.source == SignalSource.HUISBEZOEK
                    else SrtDocument.Kind.SUWINET,
                    title="Rapportage onderzoek",
                    document_date=inv.closed_on,
                    dms_reference=f"DMS-{inv.closed_on:%Y}-{n:05d}",
                    added_by=author,
                )
            )
    SrtNote.objects.bulk_create(notes)
    SrtDocument.objects.bulk_create(documents)
    # auto_now_add stamped today's time; give the history its own dates (opening, work, closing).
    for note in notes:
        inv = note.investigation
        day = {
            SrtNote.Kind.STATUS: inv.opened_on,
            SrtNote.Kind.BEVINDING: inv.started_on or inv.opened_on,
            SrtNote.Kind.UITKOMST: inv.closed_on,
        }[note.kind]
        note.at = _at(day, 10 if note.kind == SrtNote.Kind.STATUS else 14)
    for document in documents:
        document.added_at = _at(document.document_date, 15)
    SrtNote.objects.bulk_update(notes, ["at"], batch_size=500)
    SrtDocument.objects.bulk_update(documents, ["added_at"], batch_size=500)


def _at(day: date, hour: int):
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _signal_text(source: str) -> str:
    return {
        SignalSource.MELDING: "Anonieme tip: mogelijk samenwonend met partner met inkomen.",
        SignalSource.THEMACONTROLE: "Geselecteerd in themacontrole op basis van het risicoprofiel.",
        SignalSource.GEGEVENSMATCH: "Suwinet-match: inkomsten of vermogen niet gemeld.",
        SignalSource.HUISBEZOEK: "Bij huisbezoek aanwijzingen voor een andere woonsituatie.",
        SignalSource.NIET_VERSCHENEN: "Herhaald niet verschenen op afspraak; verblijfplaats onduidelijk.",
    }[source]


def _conclusion(outcome: str, other: str) -> str:
    if outcome == Outcome.UITKERING_BEEINDIGD:
        return "Geen recht op bijstand; uitkering beëindigd, te veel betaalde bijstand teruggevorderd."
    if outcome == Outcome.AANVRAAG_AFGEWEZEN:
        return "Recht op bijstand niet vast te stellen; aanvraag afgewezen."
    return {
        OtherResult.GEEN_OVERTREDING: "Geen overtreding vastgesteld.",
        OtherResult.WAARSCHUWING: "Lichte overtreding; schriftelijke waarschuwing gegeven.",
        OtherResult.MAATREGEL: "Verwijtbaar gedrag; maatregel opgelegd.",
        OtherResult.BOETE: "Inlichtingenplicht geschonden; terugvordering en bestuurlijke boete.",
    }[other]
