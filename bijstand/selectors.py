"""Reads of recht en hoogte: the facts on a date, the calculation, the amounts per month. Scoped to the user
where a user asks (``cases.selectors.clients_visible_to``); aggregates in SQL.

For other apps (exact signatures, see docs/bijstand.md):
``monthly_amounts(dossier_ids, month)`` → {dossier id: amount} in a constant number of queries, and
``calculation_for(dossier, on)`` → the calculation in force (``.lines`` with ``.label``, ``.article``,
``.amount``; ``.total``) or None.
"""

from __future__ import annotations

import datetime
import decimal
from dataclasses import dataclass

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.shortcuts import get_object_or_404

from almelo_sociaal.parameters.models import LegalParameter
from cases.models import Aanvraag, Client, Uitkeringsdossier
from cases.selectors import clients_visible_to
from tegenprestatie.models import Sanction

from . import rules
from .models import (
    Berekening,
    BuitenlandVerblijf,
    Herberekening,
    Huishoudlid,
    Inkomen,
    Omstandigheden,
    Vermogen,
)

# Every parameter the calculation may read; the ones without a value on the date are simply absent (the rule
# refuses with ``bedrag_ontbreekt`` only when it needs one of them).
PARAMETER_KEYS = [
    "norm_alleenstaande",
    "norm_gehuwden",
    "norm_inrichting_alleenstaande",
    "norm_inrichting_gehuwden",
    "norm_jong_alleenstaande",
    "norm_jong_gehuwden",
    "norm_jong_gehuwden_met_kind",
    "norm_jong_gehuwden_een21",
    "norm_jong_gehuwden_een21_met_kind",
    "norm_aow_alleenstaande",
    "norm_aow_gehuwden",
    "norm_kd_jong_partner",
    "norm_kd_jong_partner_met_kind",
    "vermogensgrens_alleenstaande",
    "vermogensgrens_gezin",
    "vermogen_eigen_woning",
    "vrijlating_pct",
    "vrijlating_max",
    "vrijlating_maanden",
    "vrijlating_ao_pct",
    "vrijlating_ao_max",
    "vrijlating_ao_maanden",
    "vrijlating_medisch_pct",
    "vrijlating_medisch_max",
    "vakantietoeslag_pct",
    "kostendeler_leeftijd",
    "aow_leeftijd_maanden",
    "buitenland_weken",
    "buitenland_weken_aow",
]


def parameters_on(on: datetime.date) -> dict[str, decimal.Decimal]:
    """The values valid on ``on`` of every parameter the calculation may read (one query)."""
    rows = (
        LegalParameter.objects.filter(key__in=PARAMETER_KEYS, valid_from__lte=on)
        .order_by("key", "-valid_from")
        .values_list("key", "value")
    )
    found: dict[str, decimal.Decimal] = {}
    for key, value in rows:
        found.setdefault(key, value)
    return found


def _valid_on(on: datetime.date) -> Q:
    return Q(ingangsdatum__lte=on) & (Q(einddatum__isnull=True) | Q(einddatum__gte=on))


def maatregel_period(decided_on: datetime.date, months: int) -> tuple[datetime.date, datetime.date]:
    """A maatregel runs from the first day of the month after the decision for its number of months (the
    Maatregelenverordening's usual start; stated in docs/bijstand.md)."""
    from almelo_sociaal.core.dates import add_months

    start = add_months(decided_on.replace(day=1), 1)
    return start, add_months(start, months) - datetime.timedelta(days=1)


def running_maatregelen(client_id: int, on: datetime.date) -> list[rules.Maatregel]:
    """The maatregelen (art. 18) of the tegenprestatie that run on ``on`` (percentage > 0). SRT records no
    percentage maatregel (its boete and terugvordering are money claims, not an afstemming)."""
    out = []
    earliest = datetime.date(on.year - 3, 1, 1)
    for s in Sanction.objects.filter(client_id=client_id, decided_on__gte=earliest, percentage__gt=0).only(
        "decided_on", "months", "percentage", "reason"
    ):
        start, end = maatregel_period(s.decided_on, s.months)
        if start <= on <= end:
            out.append(rules.Maatregel(s.percentage, f"tegenprestatie ({s.decided_on:%d-%m-%Y})"))
    return out


def days_abroad(client_id: int, on: datetime.date) -> int:
    """Days abroad in the calendar year of ``on``, up to ``on`` (departure and return days not counted)."""
    year_start = datetime.date(on.year, 1, 1)
    total = 0
    for van, tot in BuitenlandVerblijf.objects.filter(
        client_id=client_id, tot__gte=year_start, van__lte=on
    ).values_list("van", "tot"):
        first = max(van + datetime.timedelta(days=1), year_start)
        last = min(tot - datetime.timedelta(days=1), on)
        total += max(0, (last - first).days + 1)
    return total


def voorliggend_for(client_id: int) -> str:
    """Art. 15 from the intake: the latest aanvraag's check of the voorliggende voorzieningen."""
    value = (
        Aanvraag.objects.filter(client_id=client_id)
        .order_by("-aanvraagdatum", "-id")
        .values_list("voorliggende_voorziening", flat=True)
        .first()
    )
    if value is None or value == Aanvraag.Voorliggend.GEEN:
        return rules.VOORLIGGEND_GEEN
    if value == Aanvraag.Voorliggend.NIET_GECONTROLEERD:
        return rules.VOORLIGGEND_ONBEKEND
    # WW, DUO, ZW/WIA: it exists; bijstand supplements it, its income counts as middelen (art. 15 lid 1)
    return rules.VOORLIGGEND_AANVULLEND


def facts_on(client: Client, on: datetime.date) -> rules.Facts:
    """Everything the calculation reads about ``client`` on ``on``."""
    members = tuple(m.as_member() for m in Huishoudlid.objects.filter(_valid_on(on), client=client))
    incomes = tuple(i.as_income() for i in Inkomen.objects.filter(_valid_on(on), client=client))
    vermogen = Vermogen.objects.filter(_valid_on(on), client=client).order_by("-ingangsdatum", "-id").first()
    omstandigheden = (
        Omstandigheden.objects.filter(_valid_on(on), client=client).order_by("-ingangsdatum", "-id").first()
    )
    extra = {}
    if omstandigheden is not None:
        extra = {
            "verblijfstatus": omstandigheden.verblijfstatus,
            "woont_in_nederland": omstandigheden.woont_in_nederland,
            "gedetineerd": omstandigheden.gedetineerd,
            "studiefinanciering": omstandigheden.studiefinanciering,
            "in_inrichting": omstandigheden.in_inrichting,
        }
    return rules.Facts(
        on=on,
        birth_date=client.birth_date,
        members=members,
        incomes=incomes,
        vermogen=vermogen.bedrag if vermogen else rules.ZERO,
        eigen_woning_vermogen=vermogen.eigen_woning if vermogen else rules.ZERO,
        maatregelen=tuple(running_maatregelen(client.pk, on)),
        dagen_buitenland=days_abroad(client.pk, on),
        voorliggend=voorliggend_for(client.pk),
        **extra,
    )


def calculate_for_client(client: Client, on: datetime.date) -> rules.Calculation:
    """The calculation from the recorded facts (nothing stored). Raises RuleViolation (``bedrag_ontbreekt``)."""
    return rules.calculate(facts_on(client, on), parameters_on(on))


# --- for other apps --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StoredLine:
    label: str
    article: str
    amount: decimal.Decimal
    parameter: str = ""
    kind: str = ""


@dataclass(frozen=True)
class StoredCalculation:
    """A stored calculation as other apps read it: ``.lines`` and ``.total`` (the decided amount)."""

    berekening: Berekening
    lines: list[StoredLine]
    total: decimal.Decimal
    calculated: decimal.Decimal
    vakantietoeslag: decimal.Decimal
    ingangsdatum: datetime.date


def _stored(berekening: Berekening) -> StoredCalculation:
    lines = [
        StoredLine(
            label=line["label"],
            article=line["article"],
            amount=decimal.Decimal(line["amount"]),
            parameter=line.get("parameter", ""),
            kind=line.get("kind", ""),
        )
        for line in berekening.regels
    ]
    return StoredCalculation(
        berekening=berekening,
        lines=lines,
        total=berekening.vastgesteld_bedrag,
        calculated=berekening.bedrag,
        vakantietoeslag=berekening.vakantietoeslag,
        ingangsdatum=berekening.ingangsdatum,
    )


def calculation_for(dossier, on: datetime.date) -> StoredCalculation | None:
    """The calculation of ``dossier`` in force on ``on`` (the latest with ``ingangsdatum`` on or before it), or
    None when the dossier has none by then."""
    dossier_id = dossier if isinstance(dossier, int) else dossier.pk
    berekening = (
        Berekening.objects.filter(dossier_id=dossier_id, ingangsdatum__lte=on)
        .order_by("-ingangsdatum", "-id")
        .first()
    )
    return _stored(berekening) if berekening else None


def monthly_amounts(dossier_ids: list[int], month: datetime.date) -> dict[int, decimal.Decimal]:
    """The amount to pay for ``month`` (any day in it) per dossier: the decided bijstand per month including the
    vakantietoeslag of the calculation in force on the month's last day (a change within the month counts for
    the whole month; no pro rata here). One query, whatever the number of dossiers; dossiers without a
    calculation by then are absent."""
    if not dossier_ids:
        return {}
    import calendar

    last = month.replace(day=calendar.monthrange(month.year, month.month)[1])
    latest = (
        Berekening.objects.filter(dossier_id=OuterRef("pk"), ingangsdatum__lte=last)
        .order_by("-ingangsdatum", "-id")
        .values("vastgesteld_bedrag")[:1]
    )
    rows = (
        Uitkeringsdossier.objects.filter(pk__in=list(dossier_ids))
        .annotate(amount=Subquery(latest))
        .filter(amount__isnull=False)
        .values_list("pk", "amount")
    )
    return {pk: amount for pk, amount in rows}


# --- pages and API ----------------------------------------------------------------------------------------------


def get_client_for(user, pk: int) -> Client:
    return get_object_or_404(clients_visible_to(user).select_related("wijkteam", "coach"), pk=pk)


def get_dossier_for(user, pk: int) -> Uitkeringsdossier:
    return get_object_or_404(
        Uitkeringsdossier.objects.filter(client__in=clients_visible_to(user)).select_related("client"), pk=pk
    )


def household_members(client: Client) -> QuerySet[Huishoudlid]:
    return (
        Huishoudlid.objects.filter(client=client)
        .select_related("partner_client")
        .order_by("einddatum", "rol", "geboortedatum", "id")
    )


def household(client: Client, on: datetime.date) -> dict:
    """The household tab: every member (current and past), incomes, vermogen, circumstances, stays abroad."""
    members = list(household_members(client))
    for m in members:
        m.current = m.valid_on(on)
        m.age = rules.age_on(m.geboortedatum, on)
    facts = rules.Facts(
        on=on, birth_date=client.birth_date, members=tuple(m.as_member() for m in members if m.current)
    )
    return {
        "members": members,
        "kind": rules.household_kind(facts),
        "kind_label": rules.KIND_LABELS[rules.household_kind(facts)],
        "incomes": list(Inkomen.objects.filter(client=client).order_by("-ingangsdatum", "-id")),
        "vermogens": list(Vermogen.objects.filter(client=client)),
        "omstandigheden": list(Omstandigheden.objects.filter(client=client)),
        "buitenland": list(BuitenlandVerblijf.objects.filter(client=client)),
    }


def partner_of(client: Client, on: datetime.date) -> Client | None:
    """The client recorded as this client's partner on ``on`` (either way round: one joint right)."""
    link = (
        Huishoudlid.objects.filter(_valid_on(on), rol=rules.PARTNER)
        .filter(Q(client=client) | Q(partner_client=client))
        .select_related("client", "partner_client")
        .first()
    )
    if link is None:
        return None
    return link.partner_client if link.client_id == client.pk else link.client


def running_dossier(client: Client, on: datetime.date) -> Uitkeringsdossier | None:
    return (
        Uitkeringsdossier.objects.filter(client=client, startdatum__lte=on)
        .filter(Q(einddatum__isnull=True) | Q(einddatum__gte=on))
        .order_by("-startdatum", "-id")
        .first()
    )


def calculations_of(client: Client) -> QuerySet[Berekening]:
    return (
        Berekening.objects.filter(client=client)
        .select_related("door", "dossier")
        .order_by("-berekend_op", "-id")
    )


def recalculations_of(client: Client) -> QuerySet[Herberekening]:
    return Herberekening.objects.filter(client=client).select_related("door").order_by("-at", "-id")


def draft_calculation(aanvraag: Aanvraag) -> Berekening | None:
    """The calculation recorded for the current version of the aanvraag's draft decision."""
    return (
        Berekening.objects.filter(aanvraag=aanvraag, concept_versie=aanvraag.concept_versie)
        .order_by("-id")
        .first()
    )


def household_summary(client: Client, on: datetime.date) -> dict:
    """The household on ``on`` in two queries: its kind and its members."""
    members = list(Huishoudlid.objects.filter(_valid_on(on), client=client).order_by("rol", "geboortedatum"))
    facts = rules.Facts(on=on, birth_date=client.birth_date, members=tuple(m.as_member() for m in members))
    kind = rules.household_kind(facts)
    return {"kind": kind, "label": rules.KIND_LABELS[kind], "members": members}


# --- the batch: every running dossier at once --------------------------------------------------------------


def running_facts(on: datetime.date, *, dossier_ids: list[int] | None = None) -> dict[int, rules.Facts]:
    """The facts of every algemene-bijstand dossier running on ``on`` (or of ``dossier_ids``), in eight queries
    whatever their number: the dossiers with the client's birth date and the latest aanvraag's check of the
    voorliggende voorzieningen, then the members, incomes, vermogen, circumstances, stays abroad and
    maatregelen of all those clients, grouped in memory."""
    dossiers = Uitkeringsdossier.objects.filter(regeling="bijstand", startdatum__lte=on).filter(
        Q(einddatum__isnull=True) | Q(einddatum__gte=on)
    )
    if dossier_ids is not None:
        dossiers = dossiers.filter(pk__in=dossier_ids)
    latest_check = (
        Aanvraag.objects.filter(client_id=OuterRef("client_id"))
        .order_by("-aanvraagdatum", "-id")
        .values("voorliggende_voorziening")[:1]
    )
    rows = list(
        dossiers.annotate(voorliggend=Subquery(latest_check)).values_list(
            "pk", "client_id", "client__birth_date", "voorliggend"
        )
    )
    # The other reads name the clients by a subquery on the same dossiers, not by a list of ids: at 200,000+
    # running dossiers a parameter list costs more than the read itself.
    client_ids = dossiers.values("client_id")
    members: dict[int, list] = {}
    incomes: dict[int, list] = {}
    vermogen: dict[int, Vermogen] = {}
    omstandigheden: dict[int, Omstandigheden] = {}
    abroad: dict[int, int] = {}
    maatregelen: dict[int, list] = {}
    valid = _valid_on(on)
    for m in Huishoudlid.objects.filter(valid, client_id__in=client_ids):
        members.setdefault(m.client_id, []).append(m.as_member())
    for i in Inkomen.objects.filter(valid, client_id__in=client_ids):
        incomes.setdefault(i.client_id, []).append(i.as_income())
    for v in Vermogen.objects.filter(valid, client_id__in=client_ids).order_by("ingangsdatum", "id"):
        vermogen[v.client_id] = v
    for o in Omstandigheden.objects.filter(valid, client_id__in=client_ids).order_by("ingangsdatum", "id"):
        omstandigheden[o.client_id] = o
    year_start = datetime.date(on.year, 1, 1)
    for client_id, van, tot in BuitenlandVerblijf.objects.filter(
        client_id__in=client_ids, tot__gte=year_start, van__lte=on
    ).values_list("client_id", "van", "tot"):
        first = max(van + datetime.timedelta(days=1), year_start)
        last = min(tot - datetime.timedelta(days=1), on)
        abroad[client_id] = abroad.get(client_id, 0) + max(0, (last - first).days + 1)
    for s in Sanction.objects.filter(
        client_id__in=client_ids, percentage__gt=0, decided_on__gte=datetime.date(on.year - 3, 1, 1)
    ).only("client_id", "decided_on", "months", "percentage"):
        start, end = maatregel_period(s.decided_on, s.months)
        if start <= on <= end:
            maatregelen.setdefault(s.client_id, []).append(
                rules.Maatregel(s.percentage, f"tegenprestatie ({s.decided_on:%d-%m-%Y})")
            )
    out = {}
    for pk, client_id, birth_date, voorliggend in rows:
        v = vermogen.get(client_id)
        o = omstandigheden.get(client_id)
        extra = {}
        if o is not None:
            extra = {
                "verblijfstatus": o.verblijfstatus,
                "woont_in_nederland": o.woont_in_nederland,
                "gedetineerd": o.gedetineerd,
                "studiefinanciering": o.studiefinanciering,
                "in_inrichting": o.in_inrichting,
            }
        if voorliggend in (None, Aanvraag.Voorliggend.GEEN):
            check = rules.VOORLIGGEND_GEEN
        elif voorliggend == Aanvraag.Voorliggend.NIET_GECONTROLEERD:
            check = rules.VOORLIGGEND_ONBEKEND
        else:
            check = rules.VOORLIGGEND_AANVULLEND
        out[pk] = rules.Facts(
            on=on,
            birth_date=birth_date,
            members=tuple(members.get(client_id, ())),
            incomes=tuple(incomes.get(client_id, ())),
            vermogen=v.bedrag if v else rules.ZERO,
            eigen_woning_vermogen=v.eigen_woning if v else rules.ZERO,
            maatregelen=tuple(maatregelen.get(client_id, ())),
            dagen_buitenland=abroad.get(client_id, 0),
            voorliggend=check,
            **extra,
        )
    return out


def running_calculations(
    on: datetime.date, *, dossier_ids: list[int] | None = None
) -> tuple[dict[int, rules.Calculation], dict[int, str]]:
    """Every running bijstand dossier calculated on ``on`` (nothing stored): the calculations per dossier, and
    per dossier that could not be calculated the refusal's code (a parameter missing on the date)."""
    params = parameters_on(on)
    calculated, refused = {}, {}
    for pk, facts in running_facts(on, dossier_ids=dossier_ids).items():
        try:
            calculated[pk] = rules.calculate(facts, params)
        except rules.RuleViolation as violation:
            refused[pk] = violation.code
    return calculated, refused
