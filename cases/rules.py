"""Pure rules of client intake: identifiers, aanvraag transitions, four-eyes, decision term."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.db.models import TextChoices
from stdnum import iban as stdnum_iban
from stdnum.exceptions import InvalidChecksum, InvalidFormat, InvalidLength, ValidationError
from stdnum.nl import bsn as stdnum_bsn
from stdnum.nl import postcode as stdnum_postcode

from almelo_sociaal.core.rules import RuleViolation, format_euro, mask_bsn, money  # noqa: F401 - mask_bsn: cases.rules' own name

# --- identifiers -----------------------------------------------------------------------------------


def normalise_bsn(value: str) -> str:
    """Validate a BSN (9 digits, elfproef) and return it compact. Raises RuleViolation(field="bsn")."""
    raw = (value or "").strip()
    if not raw:
        raise RuleViolation("bsn_verplicht", "Vul een BSN in.", "bsn")
    digits = raw.replace(" ", "").replace(".", "").replace("-", "")
    if not digits.isdigit():
        raise RuleViolation("bsn_formaat", "Een BSN bestaat alleen uit cijfers.", "bsn")
    if len(digits) != 9:  # stdnum would pad 8 digits with a leading zero; we ask for all 9
        raise RuleViolation("bsn_lengte", "Een BSN bestaat uit 9 cijfers.", "bsn")
    try:
        return stdnum_bsn.validate(digits)
    except InvalidLength:
        raise RuleViolation("bsn_lengte", "Een BSN bestaat uit 9 cijfers.", "bsn")
    except InvalidFormat:
        raise RuleViolation("bsn_formaat", "Een BSN bestaat alleen uit cijfers.", "bsn")
    except InvalidChecksum:
        raise RuleViolation("bsn_elfproef", "Dit BSN is ongeldig: het voldoet niet aan de elfproef.", "bsn")
    except ValidationError:
        raise RuleViolation("bsn_ongeldig", "Dit BSN is ongeldig.", "bsn")


def normalise_postcode(value: str) -> str:
    """Dutch postcode, returned as 1234AB."""
    try:
        return stdnum_postcode.validate(value or "").replace(" ", "")
    except ValidationError:
        raise RuleViolation(
            "postcode_ongeldig", "Vul een geldige Nederlandse postcode in, bijvoorbeeld 7607 AB.", "postcode"
        )


def normalise_iban(value: str) -> str:
    if not (value or "").strip():
        return ""
    try:
        return stdnum_iban.validate(value)
    except ValidationError:
        raise RuleViolation("iban_ongeldig", "Dit IBAN is ongeldig; controleer het rekeningnummer.", "iban")


def bsn_with_check_digit(first_eight: int) -> str | None:
    """The valid BSN that starts with these 8 digits, or None if no check digit fits (used for demo data)."""
    prefix = f"{first_eight:08d}"
    total = sum(int(d) * w for d, w in zip(prefix, range(9, 1, -1), strict=True))
    check = total % 11
    if check > 9:
        return None
    candidate = prefix + str(check)
    return candidate if stdnum_bsn.is_valid(candidate) else None


# --- coach and wijkteam ----------------------------------------------------------------------------


def check_coach_assignment(
    *, is_active: bool, is_coach: bool, coach_wijkteam_id: int | None, client_wijkteam_id: int
) -> None:
    """A client's coach is an active werkcoach of the client's own wijkteam: the only coach who can open the
    client (coaches see their own wijkteam), so work for the client never lands with someone who may not see it."""
    if not (is_active and is_coach):
        raise RuleViolation(
            "coach_geen_werkcoach", "Kies als werkcoach een actieve medewerker met de rol werkcoach.", "coach"
        )
    if coach_wijkteam_id != client_wijkteam_id:
        raise RuleViolation(
            "coach_ander_wijkteam",
            "Deze werkcoach werkt niet in het wijkteam van de cliënt. Kies een coach van dit wijkteam, "
            "of verhuis de cliënt eerst naar het andere wijkteam.",
            "coach",
        )


def check_move(*, current_wijkteam_id: int, target_wijkteam_id: int, reden: str) -> None:
    if current_wijkteam_id == target_wijkteam_id:
        raise RuleViolation("wijkteam_ongewijzigd", "De cliënt hoort al bij dit wijkteam.", "wijkteam")
    if not (reden or "").strip():
        raise RuleViolation("verhuizing_reden_verplicht", "Geef de reden van de verhuizing op.", "reden")


# --- aanvraag ---------------------------------------------------------------------------------------


class AanvraagStatus(TextChoices):
    """The states of an aanvraag: the one home of their values and labels (``Aanvraag.Status`` is this class)."""

    GEMELD = "gemeld", "Gemeld"
    IN_BEHANDELING = "in_behandeling", "In behandeling"
    TOEGEKEND = "toegekend", "Toegekend"
    AFGEWEZEN = "afgewezen", "Afgewezen"
    INGETROKKEN = "ingetrokken", "Ingetrokken"


GEMELD, IN_BEHANDELING, TOEGEKEND, AFGEWEZEN, INGETROKKEN = (
    AanvraagStatus.GEMELD.value,
    AanvraagStatus.IN_BEHANDELING.value,
    AanvraagStatus.TOEGEKEND.value,
    AanvraagStatus.AFGEWEZEN.value,
    AanvraagStatus.INGETROKKEN.value,
)
ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    GEMELD: frozenset({IN_BEHANDELING, INGETROKKEN}),
    IN_BEHANDELING: frozenset({TOEGEKEND, AFGEWEZEN, INGETROKKEN}),
    TOEGEKEND: frozenset(),
    AFGEWEZEN: frozenset(),
    INGETROKKEN: frozenset(),
}


def _status_label(value: str) -> str:
    return AanvraagStatus(value).label.lower()


def check_transition(current: str, target: str) -> None:
    if target not in ALLOWED_TRANSITIONS.get(current, frozenset()):
        raise RuleViolation(
            "overgang_niet_toegestaan",
            f"Een aanvraag met status '{_status_label(current)}' kan niet naar '{_status_label(target)}'.",
            "status",
        )


def check_draft_decision(
    *, status: str, besluit: str, reden: str, ingangsdatum: date | None, maandbedrag, aanvraagdatum: date
) -> None:
    if status != IN_BEHANDELING:
        raise RuleViolation(
            "concept_alleen_in_behandeling",
            "Een besluit kan alleen worden voorbereid voor een aanvraag die in behandeling is.",
            "besluit",
        )
    if besluit not in ("toekennen", "afwijzen"):
        raise RuleViolation("besluit_onbekend", "Kies toekennen of afwijzen.", "besluit")
    if not (reden or "").strip():
        raise RuleViolation("motivering_verplicht", "Een besluit moet worden gemotiveerd.", "reden")
    if besluit == "toekennen":
        if ingangsdatum is None:
            raise RuleViolation(
                "ingangsdatum_verplicht", "Vul de ingangsdatum van de uitkering in.", "ingangsdatum"
            )
        if ingangsdatum < aanvraagdatum - timedelta(days=92):
            raise RuleViolation(
                "ingangsdatum_te_vroeg",
                "De ingangsdatum ligt meer dan drie maanden vóór de aanvraagdatum.",
                "ingangsdatum",
            )
        if maandbedrag is None or maandbedrag <= 0:
            raise RuleViolation(
                "maandbedrag_verplicht", "Vul een maandbedrag groter dan € 0 in.", "maandbedrag"
            )


VOORZIENING_UNCHECKED = "niet_gecontroleerd"
VOORZIENING_NONE = "geen"


def check_voorliggend_assessment(*, besluit: str, voorziening: str, afweging: str, motivering: str) -> None:
    """Art. 15 Participatiewet: no bijstand insofar as a voorliggende voorziening (WW, DUO, ZW/WIA, ...) is
    available and adequate. A toekenning therefore needs the check done, and, when a voorziening was found, the
    assessment of why bijstand is still granted (``afweging``) with its motivation. Checked when the draft is
    made and again when it is approved (the check can be recorded after the draft)."""
    if besluit != "toekennen":
        return
    if voorziening == VOORZIENING_UNCHECKED:
        raise RuleViolation(
            "voorliggend_niet_gecontroleerd",
            "Controleer eerst de voorliggende voorzieningen (WW, DUO) voordat u toekent.",
            "besluit",
        )
    if voorziening == VOORZIENING_NONE:
        return
    if not afweging:
        raise RuleViolation(
            "voorliggend_afweging_verplicht",
            "Er is een voorliggende voorziening vastgelegd: leg vast waarom toch bijstand wordt toegekend "
            "(art. 15 Participatiewet).",
            "voorliggend_afweging",
        )
    if not (motivering or "").strip():
        raise RuleViolation(
            "voorliggend_motivering_verplicht",
            "Motiveer de afweging van de voorliggende voorziening (bijvoorbeeld de hoogte van de WW).",
            "voorliggend_motivering",
        )


def check_approval(*, status: str, has_draft: bool, drafted_by_id: int | None, toetser_id: int) -> None:
    """Four-eyes: a drafted decision takes effect only when another user (a toetser) approves it."""
    if status != IN_BEHANDELING or not has_draft:
        raise RuleViolation("geen_concept", "Er is geen conceptbesluit om te toetsen.", "besluit")
    if drafted_by_id == toetser_id:
        raise RuleViolation(
            "vier_ogen",
            "U kunt uw eigen conceptbesluit niet goedkeuren: een tweede medewerker moet toetsen (vier-ogenprincipe).",
            "besluit",
        )


# --- the draft's version and the bound on the monthly amount ----------------------------------------------------


def check_draft_version(*, current: int, given: int | None) -> None:
    """An approval or return names the version of the draft it judged; another version is not what was reviewed."""
    if given is None:
        raise RuleViolation(
            "versie_ontbreekt",
            "Er is niet aangegeven welke versie van het conceptbesluit u toetst. "
            "Open de aanvraag opnieuw en toets de getoonde versie.",
            "versie",
        )
    if given != current:
        raise RuleViolation(
            "versie_verouderd",
            f"Het conceptbesluit is gewijzigd nadat u het opende (u toetste versie {given}, de huidige is "
            f"versie {current}). Bekijk de wijzigingen en toets de nieuwe versie.",
            "versie",
        )


def maandbedrag_bound(
    *, leefvorm: str, norm_alleenstaande: Decimal, norm_gehuwden: Decimal, marge_pct: Decimal
) -> Decimal:
    """The highest monthly amount one toetser may approve: the norm for the leefvorm plus the policy margin.
    Alleenstaande and alleenstaande ouder share a norm (Participatiewet art. 21)."""
    norm = norm_gehuwden if leefvorm == "gehuwd" else norm_alleenstaande
    return money(Decimal(norm) * (1 + Decimal(marge_pct) / 100))


def above_bound(*, maandbedrag: Decimal | None, bound: Decimal, motivering: str) -> bool:
    """Whether the amount lies above the bound; an amount above it must carry a motivering (and then needs a
    second toetser, see ``check_second_toetser``)."""
    if maandbedrag is None or maandbedrag <= bound:
        return False
    if not (motivering or "").strip():
        raise RuleViolation(
            "maandbedrag_boven_grens",
            f"Het maandbedrag {format_euro(maandbedrag)} ligt boven de grens van {format_euro(bound)} "
            "(de bijstandsnorm voor deze leefvorm plus de marge). Verlaag het bedrag, of motiveer het hogere "
            "bedrag: dan bevestigt een tweede toetser het besluit.",
            "maandbedrag",
        )
    return True


def check_second_toetser(*, first_toetser_id: int | None, toetser_id: int) -> None:
    if first_toetser_id == toetser_id:
        raise RuleViolation(
            "tweede_toetser_nodig",
            "U heeft dit besluit al als eerste toetser goedgekeurd. Het maandbedrag ligt boven de grens: "
            "een andere toetser moet het bevestigen.",
            "besluit",
        )


DRAFT_LABELS = {
    "besluit": "Besluit",
    "reden": "Motivering",
    "ingangsdatum": "Ingangsdatum",
    "maandbedrag": "Maandbedrag",
    "bedrag_motivering": "Motivering maandbedrag boven de grens",
    "voorliggend_afweging": "Afweging voorliggende voorziening",
    "voorliggend_motivering": "Motivering afweging voorliggende voorziening",
}


def draft_changes(previous: dict, current: dict) -> list[tuple[str, str, str]]:
    """What a redraft changed, as (label, previous, current) in the order of the form."""
    return [
        (label, previous.get(key) or "—", current.get(key) or "—")
        for key, label in DRAFT_LABELS.items()
        if (previous.get(key) or "") != (current.get(key) or "")
    ]


def decision_deadline(aanvraagdatum: date, term_weeks: int) -> date:
    return aanvraagdatum + timedelta(weeks=int(term_weeks))


def is_overdue(*, status: str, aanvraagdatum: date, term_weeks: int, today: date) -> bool:
    return status in (GEMELD, IN_BEHANDELING) and today > decision_deadline(aanvraagdatum, term_weeks)
