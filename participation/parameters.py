"""Default values of the policy and legal amounts the participation rules need.

Seeded (insert-if-missing) after migrate; functioneel beheer maintains them as effective-dated values.
The WML (``wml_uur_21``, ``wml_maand_21``) and the medical vrijlating (``vrijlating_medisch_pct``,
``vrijlating_medisch_max``) are cross-cutting and live in ``almelo_sociaal/parameters/defaults.py``.
The age limit of art. 9a (ontheffing for an alleenstaande ouder) is one legal figure used by participation and
tegenprestatie; it is seeded once, in ``tegenprestatie/parameters.py``, under the key below.
"""

from __future__ import annotations

from almelo_sociaal.parameters.defaults import J2019, P

UITVOERINGSREGELING = "Uitvoeringsregeling Participatiewet Almelo 2019 (seed 002)"
ART_10D = "Participatiewet art. 10d"
# No source document fixes these; they are the product's starting values for functioneel beheer to confirm.
ONTHEFFING_CHILD_AGE = "tp_vrijstelling_leeftijd_kind"  # Participatiewet art. 9a: jongste kind jonger dan
STANDAARD = "Standaardinstelling Almelo Sociaal (door beleid vast te stellen)"

PARAMETERS = [
    # Participatieplaats (art. 10a, bijlage 2)
    P(
        "participatiepremie",
        "Participatieplaats: premie per 6 maanden",
        "EUR",
        J2019,
        "150",
        UITVOERINGSREGELING,
        "beleid",
    ),
    P(
        "participatiepremie_min_uren",
        "Participatieplaats: minimum uren per week voor de premie",
        "uur/week",
        J2019,
        "18",
        UITVOERINGSREGELING,
        "beleid",
    ),
    P(
        "participatieplaats_min_leeftijd",
        "Participatieplaats: minimumleeftijd",
        "jaar",
        J2019,
        "27",
        "Participatiewet art. 10a",
    ),
    # Loonkostensubsidie (art. 10d, bijlage 2)
    P(
        "lks_max_pct",
        "Loonkostensubsidie: maximum als % van WML + vakantiebijslag",
        "%",
        J2019,
        "70",
        ART_10D,
    ),
    P("lks_vakantiebijslag_pct", "Loonkostensubsidie: vakantiebijslag", "%", J2019, "8", ART_10D),
    P(
        "lks_werkgeverslasten_pct",
        "Loonkostensubsidie: forfaitaire werkgeverslasten",
        "%",
        J2019,
        "23",
        ART_10D + " (forfait 23% sinds 2022)",
    ),
    P(
        "lks_zonder_loonwaarde_pct",
        "Loonkostensubsidie zonder loonwaardebepaling: percentage",
        "%",
        J2019,
        "50",
        ART_10D,
    ),
    P(
        "lks_zonder_loonwaarde_maanden",
        "Loonkostensubsidie zonder loonwaardebepaling: duur",
        "maanden",
        J2019,
        "6",
        ART_10D,
    ),
    # Groep 2: traject met ten hoogste 2 instrumenten (§5.1)
    P(
        "max_instrumenten_groep_2",
        "Groep 2: maximum aantal instrumenten tegelijk",
        "aantal",
        J2019,
        "2",
        UITVOERINGSREGELING,
        "beleid",
    ),
    # Herbeoordeling van de groepsindeling
    P(
        "herbeoordeling_maanden_groep_m1",
        "Herbeoordeling groep -1 na",
        "maanden",
        J2019,
        "3",
        STANDAARD,
        "beleid",
    ),
    P(
        "herbeoordeling_maanden_groep_0",
        "Herbeoordeling groep 0 na",
        "maanden",
        J2019,
        "3",
        STANDAARD,
        "beleid",
    ),
    P(
        "herbeoordeling_maanden_groep_1",
        "Herbeoordeling groep 1 na",
        "maanden",
        J2019,
        "6",
        STANDAARD,
        "beleid",
    ),
    P(
        "herbeoordeling_maanden_groep_2",
        "Herbeoordeling groep 2 na",
        "maanden",
        J2019,
        "6",
        STANDAARD,
        "beleid",
    ),
    P(
        "herbeoordeling_maanden_groep_3",
        "Herbeoordeling groep 3 na",
        "maanden",
        J2019,
        "12",
        STANDAARD,
        "beleid",
    ),
    P(
        "herbeoordeling_maanden_groep_4",
        "Herbeoordeling groep 4 na",
        "maanden",
        J2019,
        "12",
        STANDAARD,
        "beleid",
    ),
    # Contactfrequentie coach – cliënt per groep
    P(
        "contact_weken_groep_m1",
        "Contact met cliënt in groep -1 elke",
        "weken",
        J2019,
        "6",
        STANDAARD,
        "beleid",
    ),
    P(
        "contact_weken_groep_0",
        "Contact met cliënt in groep 0 elke",
        "weken",
        J2019,
        "2",
        STANDAARD,
        "beleid",
    ),
    P(
        "contact_weken_groep_1",
        "Contact met cliënt in groep 1 elke",
        "weken",
        J2019,
        "4",
        STANDAARD,
        "beleid",
    ),
    P(
        "contact_weken_groep_2",
        "Contact met cliënt in groep 2 elke",
        "weken",
        J2019,
        "4",
        STANDAARD,
        "beleid",
    ),
    P(
        "contact_weken_groep_3",
        "Contact met cliënt in groep 3 elke",
        "weken",
        J2019,
        "8",
        STANDAARD,
        "beleid",
    ),
    P(
        "contact_weken_groep_4",
        "Contact met cliënt in groep 4 elke",
        "weken",
        J2019,
        "12",
        STANDAARD,
        "beleid",
    ),
]
