"""Pure SRT rules: no database, amounts as arguments, Decimal only.

- ``propose_boete``: the bestuurlijke boete (art. 18a Participatiewet) from the benadelingsbedrag and the
  culpability, raised for recidive (earlier boete within 5 years) or replaced by a written warning (small
  benadeling, no warning in the previous 2 years); ``check_boete_adjustment`` for a deviating amount.
- ``aangifte_required``: benadeling at or above the OM threshold; ``check_route``: una via — aangifte bij het OM
  or a bestuurlijke boete for the same fact, never both; a route against the threshold's default needs a reason.
- ``bespaarde_uitkering``: the savings of an ended or rejected benefit (monthly benefit × 12).
- ``terugvordering_assessment``: art. 58 – mandatory after a breach of the inlichtingenplicht, otherwise
  discretionary; may be waived for urgent reasons (with the reason recorded).
- ``check_investigation_transition`` / ``check_signal_triage`` / ``check_outcome``: the state machines and
  the consistency of an outcome.
- ``check_investigators`` (at least one), ``check_links`` (the dossier/aanvraag is the client's, linked while
  the investigation runs) and ``investigation_reference`` (the one case-number format).

Every refusal is a ``RuleViolation`` with a stable code, a Dutch message and the field it is about.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db import models

from almelo_sociaal.core.dates import years_before
from almelo_sociaal.core.rules import RuleViolation, format_euro, money

ZERO = Decimal("0.00")
# Triage of a signal: open an investigation or discard the signal (the UI's form and the API share these).
TRIAGE_OPEN, TRIAGE_DISCARD = "openen", "verwerpen"
TRIAGE_DECISIONS = [(TRIAGE_OPEN, "Onderzoek openen"), (TRIAGE_DISCARD, "Verwerpen")]
HUNDRED = Decimal("100")


# --- Vocabulary (used by the models as choices, so the words live in one place) ---


class SignalSource(models.TextChoices):
    MELDING = "melding", "Melding / tip"
    THEMACONTROLE = "themacontrole", "Themacontrole (risicoprofiel)"
    GEGEVENSMATCH = "gegevensmatch", "Gegevensmatch (Suwinet)"
    HUISBEZOEK = "huisbezoek", "Huisbezoek"
    NIET_VERSCHENEN = "niet_verschenen", "Niet verschenen op afspraak"


class SignalStatus(models.TextChoices):
    NIEUW = "nieuw", "Nieuw (te beoordelen)"
    VERWORPEN = "verworpen", "Verworpen"
    IN_ONDERZOEK = "in_onderzoek", "Onderzoek geopend"


class InvestigationStatus(models.TextChoices):
    GEMELD = "gemeld", "Gemeld"
    IN_ONDERZOEK = "in_onderzoek", "In onderzoek"
    AFGEROND = "afgerond", "Afgerond"


class Outcome(models.TextChoices):
    UITKERING_BEEINDIGD = "uitkering_beeindigd", "Uitkering beëindigd"
    AANVRAAG_AFGEWEZEN = "aanvraag_afgewezen", "Aanvraag afgewezen"
    ANDER_RESULTAAT = "ander_resultaat", "Ander resultaat"


class OtherResult(models.TextChoices):
    GEEN_OVERTREDING = "geen_overtreding", "Geen overtreding"
    WAARSCHUWING = "waarschuwing", "Schriftelijke waarschuwing"
    MAATREGEL = "maatregel", "Maatregel"
    BOETE = "boete", "Bestuurlijke boete"


class Culpability(models.TextChoices):
    OPZET = "opzet", "Opzet"
    GROVE_SCHULD = "grove_schuld", "Grove schuld"
    NORMAAL = "normaal", "Normale verwijtbaarheid"
    VERMINDERD = "verminderd", "Verminderde verwijtbaarheid"
    GEEN = "geen", "Geen verwijtbaarheid"


class BoeteAdvice(models.TextChoices):
    BOETE = "boete", "Bestuurlijke boete"
    WAARSCHUWING = "waarschuwing", "Schriftelijke waarschuwing in plaats van boete"
    GEEN = "geen", "Geen boete"


class TerugvorderingGrond(models.TextChoices):
    VERPLICHT = "verplicht", "Verplicht (inlichtingenplicht geschonden, art. 58 lid 1)"
    BEVOEGD = "bevoegd", "Bevoegd (discretionair, art. 58 lid 2)"


# --- Parameters, as the rules need them ---


@dataclass(frozen=True)
class SrtParameters:
    """The effective-dated amounts for one reference date (see ``srt/parameters.py``)."""

    pct_opzet: Decimal
    pct_grove_schuld: Decimal
    pct_normaal: Decimal
    pct_verminderd: Decimal
    recidive_pct: Decimal
    recidive_years: int
    warning_years: int
    warning_max_benadeling: Decimal
    max_boete_without_benadeling: Decimal
    aangifte_threshold: Decimal
    savings_months: int

    @classmethod
    def from_values(cls, values: Mapping[str, Decimal]) -> SrtParameters:
        """From ``parameter_values(SRT_PARAMETER_KEYS, on=...)``."""
        return cls(
            pct_opzet=Decimal(values["srt_boete_pct_opzet"]),
            pct_grove_schuld=Decimal(values["srt_boete_pct_grove_schuld"]),
            pct_normaal=Decimal(values["srt_boete_pct_normaal"]),
            pct_verminderd=Decimal(values["srt_boete_pct_verminderd"]),
            recidive_pct=Decimal(values["srt_boete_recidive_pct"]),
            recidive_years=int(values["srt_recidive_jaren"]),
            warning_years=int(values["srt_waarschuwing_jaren"]),
            warning_max_benadeling=money(values["srt_waarschuwing_max_benadeling"]),
            max_boete_without_benadeling=money(values["srt_boete_max_zonder_benadeling"]),
            aangifte_threshold=money(values["srt_aangifte_drempel"]),
            savings_months=int(values["srt_besparing_maanden"]),
        )

    def culpability_pct(self, culpability: str) -> Decimal:
        return {
            Culpability.OPZET: self.pct_opzet,
            Culpability.GROVE_SCHULD: self.pct_grove_schuld,
            Culpability.NORMAAL: self.pct_normaal,
            Culpability.VERMINDERD: self.pct_verminderd,
            Culpability.GEEN: Decimal("0"),
        }[Culpability(culpability)]


# --- Dates ---


def within_years_before(earlier: date, reference: date, years: int) -> bool:
    """``earlier`` lies in the ``years`` before ``reference`` (inclusive of both ends, never after it)."""
    return years_before(reference, years) <= earlier <= reference


# --- Recidive ---


@dataclass(frozen=True)
class PriorSanction:
    """An earlier, decided investigation of the same client (what recidive and the warning rule look at)."""

    decided_on: date
    boete: Decimal = ZERO
    warning: bool = False
    reference: str = ""


@dataclass(frozen=True)
class RecidiveFinding:
    recidive: bool
    warning_in_period: bool
    boetes_in_period: tuple[PriorSanction, ...]
    warnings_in_period: tuple[PriorSanction, ...]
    recidive_years: int
    warning_years: int


def detect_recidive(
    *, reference_date: date, prior: Iterable[PriorSanction], recidive_years: int, warning_years: int
) -> RecidiveFinding:
    """Recidive = an earlier boete within ``recidive_years`` before the reference date; and whether a written
    warning was given within ``warning_years`` (then a warning is not possible again)."""
    prior = tuple(sorted(prior, key=lambda p: p.decided_on))
    boetes = tuple(
        p for p in prior if p.boete > 0 and within_years_before(p.decided_on, reference_date, recidive_years)
    )
    warnings = tuple(
        p for p in prior if p.warning and within_years_before(p.decided_on, reference_date, warning_years)
    )
    return RecidiveFinding(
        recidive=bool(boetes),
        warning_in_period=bool(warnings),
        boetes_in_period=boetes,
        warnings_in_period=warnings,
        recidive_years=recidive_years,
        warning_years=warning_years,
    )


# --- Boete ---


@dataclass(frozen=True)
class BoeteProposal:
    """The proposed sanction with every input, so the screen can show how it was reached."""

    advice: str  # BoeteAdvice
    amount: Decimal  # the proposed boete (0 for a warning or no boete)
    computed_boete: Decimal  # what the boete would be (also shown when a warning is advised)
    maximum: Decimal  # the legal maximum for an adjustment
    benadelingsbedrag: Decimal
    culpability: str
    culpability_pct: Decimal
    recidive: bool
    applied_pct: Decimal  # culpability pct, times the recidive pct when recidive applies
    warning_possible: bool
    aangifte: bool  # the benadeling reaches the threshold: in principle aangifte bij het OM
    explanation: tuple[str, ...] = field(default_factory=tuple)
    route_aangifte: bool = False  # the route the proposal follows (una via: then no boete)
    aangifte_threshold: Decimal = ZERO

    @property
    def advice_label(self) -> str:
        return BoeteAdvice(self.advice).label


# What a money field (``DecimalField(max_digits=14, decimal_places=2)``) holds: a computed amount that would not
# fit is refused with the input that caused it, never stored (PostgreSQL refuses it) or served (every read breaks).
AMOUNT_LIMIT = Decimal("1000000000000")


def _check_fits(amount: Decimal, field_name: str, message: str) -> None:
    if abs(amount) >= AMOUNT_LIMIT:
        raise RuleViolation("bedrag_te_groot", message, field_name)


def _nonnegative(amount: Decimal, field_name: str, label: str) -> Decimal:
    if not isinstance(amount, Decimal):
        raise TypeError(f"{field_name} must be a Decimal, got {type(amount).__name__}")
    if amount < 0:
        raise RuleViolation("bedrag_negatief", f"{label} kan niet negatief zijn.", field_name)
    return money(amount)


def aangifte_required(*, benadelingsbedrag: Decimal, threshold: Decimal) -> bool:
    """A benadeling at or above the threshold is in principle reported to the OM (aangifte)."""
    return money(benadelingsbedrag) >= money(threshold)


def boete_maximum(*, benadelingsbedrag: Decimal, recidive: bool, params: SrtParameters) -> Decimal:
    """The highest boete allowed: 100% of the benadeling (150% with recidive); a fixed cap without one."""
    benadeling = money(benadelingsbedrag)
    if benadeling == 0:
        return params.max_boete_without_benadeling
    pct = params.recidive_pct if recidive else HUNDRED
    return money(benadeling * pct / HUNDRED)


def propose_boete(
    *,
    benadelingsbedrag: Decimal,
    culpability: str,
    recidive: RecidiveFinding,
    params: SrtParameters,
    aangifte: bool | None = None,
) -> BoeteProposal:
    """Propose the bestuurlijke boete (art. 18a Participatiewet, Boetebesluit art. 2a).

    ``aangifte``: the chosen route (None: the threshold's default). On the aangifte route no boete is proposed
    for the same fact (una via, art. 5:44 Awb / 243 Sv); the computed boete is still shown."""
    benadeling = _nonnegative(benadelingsbedrag, "benadelingsbedrag", "Het benadelingsbedrag")
    try:
        culpability = Culpability(culpability)
    except ValueError:
        raise RuleViolation("verwijtbaarheid_onbekend", "Kies de mate van verwijtbaarheid.", "culpability")
    base_pct = params.culpability_pct(culpability)
    applied_pct = base_pct * params.recidive_pct / HUNDRED if recidive.recidive else base_pct
    computed = money(benadeling * applied_pct / HUNDRED)
    maximum = boete_maximum(benadelingsbedrag=benadeling, recidive=recidive.recidive, params=params)
    for amount in (computed, maximum):
        _check_fits(
            amount,
            "benadelingsbedrag",
            f"Het benadelingsbedrag is te hoog: de boete zou {format_euro(amount)} worden, meer dan het "
            f"systeem kan vastleggen ({format_euro(AMOUNT_LIMIT - Decimal('0.01'))}).",
        )
    threshold_reached = aangifte_required(benadelingsbedrag=benadeling, threshold=params.aangifte_threshold)
    route_aangifte = threshold_reached if aangifte is None else bool(aangifte)
    lines = [
        f"Benadelingsbedrag {format_euro(benadeling)}; "
        f"verwijtbaarheid: {culpability.label} ({base_pct.normalize():f}%)."
    ]
    if recidive.recidive:
        lines.append(
            f"Recidive: eerdere boete binnen {recidive.recidive_years} jaar "
            f"({', '.join(f'{p.decided_on:%d-%m-%Y}' for p in recidive.boetes_in_period)}); "
            f"boete × {params.recidive_pct.normalize():f}% = {applied_pct.normalize():f}% van de benadeling."
        )
    else:
        lines.append(f"Geen recidive: geen eerdere boete binnen {recidive.recidive_years} jaar.")

    if culpability == Culpability.GEEN:
        advice, amount = BoeteAdvice.GEEN, ZERO
        lines.append("Geen verwijtbaarheid: er wordt geen boete opgelegd.")
        warning_possible = False
    elif route_aangifte:
        advice, amount, warning_possible = BoeteAdvice.GEEN, ZERO, False
    else:
        warning_possible = (
            benadeling <= params.warning_max_benadeling
            and not recidive.warning_in_period
            and not recidive.recidive
        )
        if warning_possible:
            advice, amount = BoeteAdvice.WAARSCHUWING, ZERO
            lines.append(
                f"Benadeling ten hoogste {format_euro(params.warning_max_benadeling)} en geen waarschuwing "
                f"in de afgelopen {recidive.warning_years} jaar: schriftelijke waarschuwing in plaats van "
                "een boete "
                f"(anders {format_euro(computed)})."
            )
        else:
            if recidive.warning_in_period and benadeling <= params.warning_max_benadeling:
                lines.append(
                    f"Geen waarschuwing mogelijk: al een waarschuwing gegeven in de afgelopen "
                    f"{recidive.warning_years} jaar."
                )
            advice, amount = BoeteAdvice.BOETE, min(computed, maximum)
            lines.append(f"Voorgestelde boete: {format_euro(amount)} (maximum {format_euro(maximum)}).")
    if threshold_reached:
        lines.append(
            f"Benadeling van {format_euro(params.aangifte_threshold)} of meer: in beginsel aangifte bij "
            "het OM (dan geen bestuurlijke boete voor hetzelfde feit)."
        )
    if route_aangifte and culpability != Culpability.GEEN:
        lines.append(
            f"Aangifte bij het OM: geen bestuurlijke boete voor hetzelfde feit (una via; de boete zou "
            f"{format_euro(min(computed, maximum))} zijn)."
        )
    elif threshold_reached and culpability != Culpability.GEEN:
        lines.append("Gekozen voor een bestuurlijke boete in plaats van aangifte (reden vastgelegd).")
    return BoeteProposal(
        advice=str(advice),
        amount=amount,
        computed_boete=computed,
        maximum=maximum,
        benadelingsbedrag=benadeling,
        culpability=str(culpability),
        culpability_pct=base_pct,
        recidive=recidive.recidive,
        applied_pct=applied_pct,
        warning_possible=warning_possible,
        aangifte=threshold_reached,
        explanation=tuple(lines),
        route_aangifte=route_aangifte,
        aangifte_threshold=params.aangifte_threshold,
    )


def check_route(*, proposal: BoeteProposal, reason: str, boete: Decimal, other_result: str) -> str:
    """Una via: aangifte bij het OM or a bestuurlijke boete for the same fact, never both. The route the
    proposal follows (``proposal.route_aangifte``) differs from the threshold's default only with a reason;
    the reason is returned (stripped) to be recorded."""
    reason = (reason or "").strip()
    threshold = format_euro(proposal.aangifte_threshold)
    if proposal.route_aangifte != proposal.aangifte and not reason:
        if proposal.aangifte:
            message = (
                f"De benadeling is {threshold} of meer: in beginsel aangifte bij het OM. "
                "Leg vast waarom in plaats daarvan een bestuurlijke boete volgt."
            )
        else:
            message = (
                f"Leg vast waarom aangifte bij het OM wordt gedaan bij een benadeling onder {threshold}."
            )
        raise RuleViolation("reden_keuze_aangifte", message, "aangifte_reden")
    if proposal.route_aangifte and (boete > 0 or other_result == OtherResult.BOETE):
        raise RuleViolation(
            "boete_bij_aangifte",
            "Bij aangifte bij het OM wordt voor hetzelfde feit geen bestuurlijke boete opgelegd (una via): "
            "kies de aangifte of de boete.",
            "boete",
        )
    return reason


def check_boete_adjustment(*, proposal: BoeteProposal, amount: Decimal, reason: str) -> Decimal:
    """A boete different from the proposal needs a reason and stays within the legal maximum."""
    amount = _nonnegative(amount, "boete", "De boete")
    if amount != proposal.amount and not (reason or "").strip():
        raise RuleViolation(
            "reden_afwijking_boete",
            "Geef een reden op voor een boete die afwijkt van het voorstel "
            f"({format_euro(proposal.amount)}).",
            "boete_reden",
        )
    if amount > proposal.maximum:
        raise RuleViolation(
            "boete_boven_maximum",
            f"De boete is hoger dan het wettelijk maximum van {format_euro(proposal.maximum)}.",
            "boete",
        )
    if amount > 0 and proposal.culpability == Culpability.GEEN:
        raise RuleViolation(
            "boete_zonder_verwijtbaarheid", "Zonder verwijtbaarheid kan geen boete worden opgelegd.", "boete"
        )
    return amount


# --- Savings ---


@dataclass(frozen=True)
class Savings:
    applies: bool
    monthly_benefit: Decimal
    months: int
    amount: Decimal
    explanation: str


def bespaarde_uitkering(*, outcome: str, monthly_benefit: Decimal | None, months: int) -> Savings:
    """The "bespaarde uitkering": monthly benefit × ``months`` (12) for an ended or rejected benefit."""
    if outcome not in (Outcome.UITKERING_BEEINDIGD, Outcome.AANVRAAG_AFGEWEZEN):
        return Savings(
            False, ZERO, months, ZERO, "Geen besparing: de uitkering is niet beëindigd of afgewezen."
        )
    if monthly_benefit is None:
        raise RuleViolation(
            "maandbedrag_verplicht",
            "Vul het maandbedrag van de uitkering in om de besparing te berekenen.",
            "maandbedrag_uitkering",
        )
    monthly = _nonnegative(monthly_benefit, "maandbedrag_uitkering", "Het maandbedrag")
    amount = money(monthly * months)
    _check_fits(
        amount,
        "maandbedrag_uitkering",
        f"Het maandbedrag is te hoog: de besparing zou {format_euro(amount)} worden, meer dan het systeem kan "
        f"vastleggen ({format_euro(AMOUNT_LIMIT - Decimal('0.01'))}).",
    )
    return Savings(
        True,
        monthly,
        months,
        amount,
        f"{format_euro(monthly)} per maand × {months} maanden = {format_euro(amount)}",
    )


# --- Terugvordering (art. 58) ---


@dataclass(frozen=True)
class TerugvorderingAssessment:
    grond: str  # TerugvorderingGrond
    amount: Decimal
    waived: bool
    waiver_reason: str
    explanation: str


def terugvordering_assessment(
    *,
    inlichtingenplicht_geschonden: bool,
    amount: Decimal,
    benadelingsbedrag: Decimal,
    waived: bool = False,
    waiver_reason: str = "",
) -> TerugvorderingAssessment:
    """Art. 58: mandatory when the inlichtingenplicht (art. 17) was breached and benefit was paid wrongly
    (benadeling > 0), otherwise discretionary. The college may waive it (wholly or partly) for urgent
    reasons, which must be recorded."""
    amount = _nonnegative(amount, "terugvordering", "De terugvordering")
    benadeling = _nonnegative(benadelingsbedrag, "benadelingsbedrag", "Het benadelingsbedrag")
    reason = (waiver_reason or "").strip()
    if waived and not reason:
        raise RuleViolation(
            "reden_afzien_verplicht",
            "Leg de dringende reden vast waarom van terugvordering wordt afgezien.",
            "terugvordering_afzien_reden",
        )
    if inlichtingenplicht_geschonden:
        if amount == 0 and benadeling > 0 and not waived:
            raise RuleViolation(
                "terugvordering_verplicht",
                "De inlichtingenplicht is geschonden: terugvordering is verplicht (art. 58 lid 1), "
                "tenzij om dringende redenen wordt afgezien.",
                "terugvordering",
            )
        grond = TerugvorderingGrond.VERPLICHT
        text = "Verplicht: de inlichtingenplicht is geschonden."
    else:
        grond = TerugvorderingGrond.BEVOEGD
        text = "Bevoegd: geen schending van de inlichtingenplicht, terugvordering naar beleid."
    if waived:
        text += f" Afgezien (geheel of gedeeltelijk) om dringende redenen: {reason}"
    return TerugvorderingAssessment(str(grond), amount, waived, reason if waived else "", text)


# --- State machines and outcome consistency ---

INVESTIGATION_TRANSITIONS: dict[str, tuple[str, ...]] = {
    InvestigationStatus.GEMELD: (InvestigationStatus.IN_ONDERZOEK,),
    InvestigationStatus.IN_ONDERZOEK: (InvestigationStatus.AFGEROND,),
    InvestigationStatus.AFGEROND: (),
}


def check_investigation_transition(*, current: str, target: str) -> None:
    if target not in INVESTIGATION_TRANSITIONS.get(current, ()):
        raise RuleViolation(
            "ongeldige_statusovergang",
            f"Een onderzoek met status '{InvestigationStatus(current).label}' kan niet naar "
            f"'{InvestigationStatus(target).label}'.",
            "status",
        )


def check_signal_triage(*, current: str, target: str, reason: str = "") -> None:
    """A new signal is either discarded (with a reason) or becomes an investigation; once only."""
    if current != SignalStatus.NIEUW:
        raise RuleViolation(
            "signaal_al_beoordeeld",
            f"Dit signaal is al beoordeeld ({SignalStatus(current).label}).",
            "status",
        )
    if target not in (SignalStatus.VERWORPEN, SignalStatus.IN_ONDERZOEK):
        raise RuleViolation("ongeldige_beoordeling", "Kies verwerpen of een onderzoek openen.", "status")
    if target == SignalStatus.VERWORPEN and not (reason or "").strip():
        raise RuleViolation(
            "reden_verwerpen_verplicht", "Geef een reden op om het signaal te verwerpen.", "reason"
        )


def check_themacontrole(*, source: str, risk_profile: str) -> None:
    if source == SignalSource.THEMACONTROLE and not (risk_profile or "").strip():
        raise RuleViolation(
            "risicoprofiel_verplicht", "Noem het risicoprofiel van de themacontrole.", "risk_profile"
        )


def check_outcome(
    *,
    outcome: str,
    other_result: str,
    has_dossier: bool,
    has_aanvraag: bool,
    boete: Decimal,
) -> None:
    """The outcome is consistent with what the investigation is about and with the sanction."""
    if outcome not in Outcome.values:
        raise RuleViolation("uitkomst_verplicht", "Kies de uitkomst van het onderzoek.", "outcome")
    if outcome == Outcome.ANDER_RESULTAAT and other_result not in OtherResult.values:
        raise RuleViolation("ander_resultaat_verplicht", "Kies welk ander resultaat het is.", "other_result")
    if outcome != Outcome.ANDER_RESULTAAT and other_result:
        raise RuleViolation(
            "ander_resultaat_niet_van_toepassing",
            "Een ander resultaat hoort alleen bij de uitkomst 'Ander resultaat'.",
            "other_result",
        )
    if outcome == Outcome.UITKERING_BEEINDIGD and not has_dossier:
        raise RuleViolation(
            "dossier_verplicht",
            "Een uitkering kan alleen beëindigd zijn als het onderzoek aan een uitkeringsdossier "
            "is gekoppeld.",
            "outcome",
        )
    if outcome == Outcome.AANVRAAG_AFGEWEZEN and not has_aanvraag:
        raise RuleViolation(
            "aanvraag_verplicht",
            "Een aanvraag kan alleen afgewezen zijn als het onderzoek aan een aanvraag is gekoppeld.",
            "outcome",
        )
    if other_result in (OtherResult.GEEN_OVERTREDING, OtherResult.WAARSCHUWING) and boete > 0:
        raise RuleViolation(
            "boete_niet_mogelijk",
            f"Bij '{OtherResult(other_result).label}' hoort geen boete.",
            "boete",
        )
    if other_result == OtherResult.BOETE and boete <= 0:
        raise RuleViolation("boete_ontbreekt", "Vul het bedrag van de opgelegde boete in.", "boete")


# --- Case number, investigators and links ---

#: the one case-number format: SRT-<year opened>-<number, at least 5 digits>
REFERENCE_PATTERN = re.compile(r"SRT-(\d{4})-(\d{5,})")


def investigation_reference(*, opened_on: date, number: int) -> str:
    """The case number of an investigation: ``SRT-2026-00042`` (year it was opened, its number)."""
    return f"SRT-{opened_on.year}-{number:05d}"


def check_investigators(*, count: int) -> None:
    """An investigation always has at least one investigator (opening it, and every later assignment)."""
    if count < 1:
        raise RuleViolation("onderzoeker_verplicht", "Wijs ten minste één onderzoeker toe.", "investigators")


def check_links(
    *,
    client_id: int,
    dossier_client_id: int | None = None,
    aanvraag_client_id: int | None = None,
) -> None:
    """A linked dossier or aanvraag is one of the client's own."""
    if dossier_client_id is not None and dossier_client_id != client_id:
        raise RuleViolation("dossier_andere_client", "Dit dossier hoort niet bij deze cliënt.", "dossier")
    if aanvraag_client_id is not None and aanvraag_client_id != client_id:
        raise RuleViolation("aanvraag_andere_client", "Deze aanvraag hoort niet bij deze cliënt.", "aanvraag")


def check_can_link(*, status: str, has_dossier: bool, has_aanvraag: bool) -> None:
    """Linking an investigation to a dossier or aanvraag: one of them chosen, while it is not closed."""
    field = "dossier" if has_dossier or not has_aanvraag else "aanvraag"
    if not (has_dossier or has_aanvraag):
        raise RuleViolation(
            "koppeling_ontbreekt", "Kies een uitkeringsdossier of een aanvraag om te koppelen.", field
        )
    if status == InvestigationStatus.AFGEROND:
        raise RuleViolation("onderzoek_afgerond", "Het onderzoek is afgerond; koppelen kan niet meer.", field)


def duration_days(*, opened_on: date, closed_on: date) -> int:
    if closed_on < opened_on:
        raise RuleViolation(
            "afgerond_voor_start",
            "Een onderzoek kan niet eerder afgerond zijn dan het is gestart.",
            "closed_on",
        )
    return (closed_on - opened_on).days
