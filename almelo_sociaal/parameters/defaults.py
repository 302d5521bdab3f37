"""The shape of a default parameter value, and the cross-cutting defaults.

Each domain app may add its own in ``<app>/parameters.py`` as ``PARAMETERS = [ParameterDefault(...), ...]``;
they are seeded (insert-if-missing) after every migrate. Functioneel beheer maintains them afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class ParameterDefault:
    key: str
    name: str
    unit: str
    valid_from: date
    value: Decimal
    source: str
    kind: str = "wettelijk"


def P(key, name, unit, valid_from, value, source, kind="wettelijk") -> ParameterDefault:  # noqa: N802
    return ParameterDefault(key, name, unit, valid_from, Decimal(str(value)), source, kind)


J2019, J2025, J2026 = date(2019, 1, 1), date(2025, 7, 1), date(2026, 1, 1)
NORMENBRIEF = "Normenbrief 2026 / Participatiewet"

PARAMETERS = [
    P("wml_uur_21", "Wettelijk minimumloon 21+ per uur", "EUR/uur", J2025, "14.40", "Wml, 1 juli 2025"),
    P("wml_uur_21", "Wettelijk minimumloon 21+ per uur", "EUR/uur", J2026, "14.71", "Wml, 1 januari 2026"),
    P(
        "wml_maand_21",
        "Wettelijk minimumloon 21+ per maand",
        "EUR/maand",
        J2025,
        "2245.80",
        "Wml, 1 juli 2025",
    ),
    P(
        "wml_maand_21",
        "Wettelijk minimumloon 21+ per maand",
        "EUR/maand",
        J2026,
        "2294.40",
        "Wml, 1 januari 2026",
    ),
    P(
        "norm_alleenstaande",
        "Bijstandsnorm alleenstaande (ouder) 21–AOW",
        "EUR/maand",
        J2026,
        "1401.50",
        NORMENBRIEF,
    ),
    P("norm_gehuwden", "Bijstandsnorm gehuwden 21–AOW", "EUR/maand", J2026, "2002.13", NORMENBRIEF),
    P("vermogensgrens_alleenstaande", "Vermogensgrens alleenstaande", "EUR", J2026, "8000", NORMENBRIEF),
    P(
        "vermogensgrens_gezin",
        "Vermogensgrens alleenstaande ouder of gehuwden",
        "EUR",
        J2026,
        "16000",
        NORMENBRIEF,
    ),
    P(
        "vrijlating_pct",
        "Inkomstenvrijlating art. 31 lid 2 n: percentage",
        "%",
        J2026,
        "25",
        "Participatiewet art. 31",
    ),
    P(
        "vrijlating_max",
        "Inkomstenvrijlating art. 31 lid 2 n: maximum",
        "EUR/maand",
        J2026,
        "285",
        NORMENBRIEF,
    ),
    P(
        "vrijlating_maanden",
        "Inkomstenvrijlating art. 31 lid 2 n: duur",
        "maanden",
        J2026,
        "6",
        "Participatiewet art. 31",
    ),
    P(
        "vrijlating_ao_pct",
        "Vrijlating alleenstaande ouder (r): percentage",
        "%",
        J2026,
        "12.5",
        "Participatiewet art. 31",
    ),
    P(
        "vrijlating_ao_max",
        "Vrijlating alleenstaande ouder (r): maximum",
        "EUR/maand",
        J2026,
        "177.66",
        NORMENBRIEF,
    ),
    P(
        "vrijlating_ao_maanden",
        "Vrijlating alleenstaande ouder (r): duur",
        "maanden",
        J2026,
        "30",
        "Participatiewet art. 31",
    ),
    P(
        "vrijlating_medisch_pct",
        "Vrijlating medische urenbeperking (y): percentage",
        "%",
        J2019,
        "15",
        "Participatiewet art. 31",
    ),
    P(
        "vrijlating_medisch_max",
        "Vrijlating medische urenbeperking (y): maximum",
        "EUR/maand",
        J2019,
        "132.56",
        "Uitvoeringsregeling Almelo 2019",
    ),
    P(
        "vrijlating_medisch_max",
        "Vrijlating medische urenbeperking (y): maximum",
        "EUR/maand",
        J2026,
        "180.19",
        NORMENBRIEF,
    ),
    P(
        "beslistermijn_weken",
        "Wettelijke beslistermijn aanvraag",
        "weken",
        J2019,
        "8",
        "Awb / Participatiewet art. 44",
        "beleid",
    ),
    P(
        "bewaartermijn_jaren",
        "Bewaartermijn bijstandsdossier na einde uitkering",
        "jaren",
        J2019,
        "10",
        "Selectielijst gemeenten",
        "beleid",
    ),
    P(
        "kosten_uitkering_jaar",
        "Gemiddelde kosten van één uitkering per jaar",
        "EUR/jaar",
        J2019,
        "15000",
        "Resultaten 2020 (seed 000)",
        "beleid",
    ),
    P(
        "caseload_doel",
        "Doelstelling aantal uitkeringen op 31-12 (incl. IOAW/IOAZ)",
        "uitkeringen",
        date(2019, 1, 1),
        "2500",
        "Midterm review 2020 (seed 004)",
        "beleid",
    ),
    P(
        "caseload_doel",
        "Doelstelling aantal uitkeringen op 31-12 (incl. IOAW/IOAZ)",
        "uitkeringen",
        date(2020, 1, 1),
        "2350",
        "Midterm review 2020 (seed 004)",
        "beleid",
    ),
    P(
        "caseload_doel",
        "Doelstelling aantal uitkeringen op 31-12 (incl. IOAW/IOAZ)",
        "uitkeringen",
        date(2021, 1, 1),
        "2250",
        "Midterm review 2020 (seed 004)",
        "beleid",
    ),
    P(
        "caseload_doel",
        "Doelstelling aantal uitkeringen op 31-12 (incl. IOAW/IOAZ)",
        "uitkeringen",
        date(2022, 1, 1),
        "2200",
        "Midterm review 2020 (seed 004)",
        "beleid",
    ),
    P(
        "herbeoordeling_signaal_dagen",
        "Herbeoordeling in de werkvoorraad zoveel dagen vóór de datum",
        "dagen",
        J2019,
        "14",
        "Werkinstructie wijkteams",
        "beleid",
    ),
]
