"""Default values of the amounts the tegenprestatie rules need (seeded after migrate, maintained by beheer).

The rules in ``tegenprestatie/rules.py`` never hold these numbers; services read them with
``almelo_sociaal.parameters.selectors.parameter_values(KEYS, on=...)`` for the date that matters
(for hours: the Thursday of the ISO week, see ``rules.IsoWeek.reference_date``).
"""

from __future__ import annotations

from datetime import date

from almelo_sociaal.parameters.defaults import P

from .terms import TERM, TERM_LOWER

UITVOERINGSREGELING = "Uitvoeringsregeling Participatiewet Almelo, §7 De tegenprestatie"
VERDRINGING = (
    "Beleidskeuze uitvoering: Uitvoeringsregeling Participatiewet Almelo §7 (verdringing) noemt geen "
    "geldigheidsduur; de gastorganisatie bevestigt de verklaring elke twee jaar opnieuw"
)
NALEVING = "Uitvoeringsregeling Participatiewet Almelo, §8 Naleving (verzwaring bij recidive)"
START = date(2019, 1, 1)

MAX_HOURS_PER_WEEK = "tp_max_uren_week"
MAX_WEEKS_PER_YEAR = "tp_max_weken_jaar"
MAX_COMBINED_HOURS = "tp_max_uren_met_reintegratie"
SANCTION_PCT_FIRST = "tp_maatregel_pct_eerste"
SANCTION_PCT_RECIDIVE = "tp_maatregel_pct_recidive"
SANCTION_PCT_REPEATED = "tp_maatregel_pct_herhaald"
SANCTION_MONTHS = "tp_maatregel_duur_maanden"
RECIDIVE_MONTHS = "tp_recidive_termijn_maanden"
SINGLE_PARENT_CHILD_AGE = "tp_vrijstelling_leeftijd_kind"
DECLARATION_VALID_MONTHS = "tp_verdringingsverklaring_geldig_maanden"

HOUR_CAP_KEYS = [MAX_HOURS_PER_WEEK, MAX_WEEKS_PER_YEAR]
ADMISSION_KEYS = [MAX_HOURS_PER_WEEK, MAX_COMBINED_HOURS, DECLARATION_VALID_MONTHS]
SANCTION_KEYS = [
    SANCTION_PCT_FIRST,
    SANCTION_PCT_RECIDIVE,
    SANCTION_PCT_REPEATED,
    SANCTION_MONTHS,
    RECIDIVE_MONTHS,
]

PARAMETERS = [
    P(
        MAX_HOURS_PER_WEEK,
        f"{TERM}: maximum uren per week",
        "uur/week",
        START,
        "20",
        UITVOERINGSREGELING,
        "beleid",
    ),
    P(
        MAX_WEEKS_PER_YEAR,
        f"{TERM}: maximum weken met uren per kalenderjaar (ISO-jaar van de week)",
        "weken/jaar",
        START,
        "44",
        UITVOERINGSREGELING,
        "beleid",
    ),
    P(
        MAX_COMBINED_HOURS,
        f"{TERM} + re-integratie: maximum uren per week samen",
        "uur/week",
        START,
        "20",
        UITVOERINGSREGELING,
        "beleid",
    ),
    P(
        SANCTION_PCT_FIRST,
        f"Maatregel {TERM_LOWER}: eerste gedraging",
        "% van de norm",
        START,
        "20",
        NALEVING,
        "beleid",
    ),
    P(
        SANCTION_PCT_RECIDIVE,
        f"Maatregel {TERM_LOWER}: tweede gedraging binnen de recidivetermijn",
        "% van de norm",
        START,
        "40",
        NALEVING,
        "beleid",
    ),
    P(
        SANCTION_PCT_REPEATED,
        f"Maatregel {TERM_LOWER}: derde en volgende gedraging binnen de recidivetermijn",
        "% van de norm",
        START,
        "100",
        NALEVING,
        "beleid",
    ),
    P(SANCTION_MONTHS, f"Maatregel {TERM_LOWER}: duur", "maanden", START, "1", NALEVING, "beleid"),
    P(
        RECIDIVE_MONTHS,
        f"Maatregel {TERM_LOWER}: recidivetermijn",
        "maanden",
        START,
        "12",
        NALEVING,
        "beleid",
    ),
    P(
        SINGLE_PARENT_CHILD_AGE,
        "Ontheffing alleenstaande ouder: jongste kind jonger dan",
        "jaar",
        START,
        "5",
        "Participatiewet art. 9a",
        "wettelijk",
    ),
    P(
        DECLARATION_VALID_MONTHS,
        "Verdringingsverklaring gastorganisatie: geldig gedurende",
        "maanden",
        START,
        "24",
        VERDRINGING,
        "beleid",
    ),
]
