"""The legal figures of recht en hoogte, effective-dated with their source (seeded after migrate, maintained by
functioneel beheer).

Already seeded by the foundation (``almelo_sociaal/parameters/defaults.py``) and read from there:
``norm_alleenstaande``, ``norm_gehuwden`` (art. 21, 1 January 2026), ``vermogensgrens_alleenstaande``,
``vermogensgrens_gezin`` (art. 34), and the inkomstenvrijlatingen ``vrijlating_*`` (art. 31 lid 2 n, r, y; the
medische urenbeperking is the parameter set participation also uses).

Deliberately NOT seeded, because no source available to this project states their 1 January 2026 value (see
docs/bijstand.md, "Figures"): the jongerennormen of art. 20 (``norm_jong_*``), the norms from the
pensioengerechtigde leeftijd of art. 22 (``norm_aow_alleenstaande``, ``norm_aow_gehuwden``), the amounts of
art. 22a lid 3 (``norm_kd_jong_partner*``) and the exemption of the vermogen in the eigen woning
(``vermogen_eigen_woning``). A calculation that needs one of them is refused with ``bedrag_ontbreekt`` naming
the key, until functioneel beheer records the value from the Normenbrief; an older value would be silently wrong.
"""

from __future__ import annotations

from datetime import date

from almelo_sociaal.parameters.defaults import J2026, P

PW = "Participatiewet"
NORMENBRIEF_2026 = "Normenbrief 1 januari 2026 (domain.md)"

PARAMETERS = [
    P(
        "norm_inrichting_alleenstaande",
        "Norm verblijf in een inrichting, alleenstaande (ouder)",
        "EUR/maand",
        J2026,
        "443.76",
        NORMENBRIEF_2026 + ", art. 23 lid 1",
    ),
    P(
        "norm_inrichting_gehuwden",
        "Norm verblijf in een inrichting, gehuwden",
        "EUR/maand",
        J2026,
        "690.27",
        NORMENBRIEF_2026 + ", art. 23 lid 1",
    ),
    P(
        "vakantietoeslag_pct",
        "Vakantietoeslag: deel van de bijstand dat wordt gereserveerd",
        "%",
        date(2015, 1, 1),
        "5",
        PW + " art. 19 lid 3",
    ),
    P(
        "kostendeler_leeftijd",
        "Kostendelersnorm: minimumleeftijd van een kostendelende medebewoner",
        "jaar",
        date(2015, 1, 1),
        "21",
        PW + " art. 22a lid 2 (tekst tot 2023)",
    ),
    P(
        "kostendeler_leeftijd",
        "Kostendelersnorm: minimumleeftijd van een kostendelende medebewoner",
        "jaar",
        date(2023, 1, 1),
        "27",
        PW + " art. 22a lid 2 (sinds 1 januari 2023)",
    ),
    P(
        "aow_leeftijd_maanden",
        "Pensioengerechtigde leeftijd",
        "maanden",
        date(2024, 1, 1),
        "804",
        "AOW art. 7a: 67 jaar in 2024 t/m 2027",
    ),
    P(
        "aow_leeftijd_maanden",
        "Pensioengerechtigde leeftijd",
        "maanden",
        date(2028, 1, 1),
        "807",
        "AOW art. 7a: 67 jaar en 3 maanden vanaf 2028",
    ),
    P(
        "buitenland_weken",
        "Verblijf in het buitenland zonder verlies van bijstand, per kalenderjaar",
        "weken",
        date(2015, 1, 1),
        "4",
        PW + " art. 13 lid 1 e",
    ),
    P(
        "buitenland_weken_aow",
        "Verblijf in het buitenland vanaf de pensioengerechtigde leeftijd, per kalenderjaar",
        "weken",
        date(2015, 1, 1),
        "13",
        PW + " art. 13 lid 1 e",
    ),
]
