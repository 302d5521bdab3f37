"""Policy amounts of the intake rules (seeded after migrate, kept by functioneel beheer).

The bound on a drafted monthly amount: the bijstandsnorm for the client's leefvorm (``norm_alleenstaande`` for
alleenstaande and alleenstaande ouder, ``norm_gehuwden``; core parameters from the Normenbrief) plus this margin.
Up to the bound one toetser decides; above it the drafter must motivate the amount and a second toetser (not the
drafter, not the first toetser) confirms before the uitkeringsdossier opens. The margin leaves room for amounts
the 21–AOW norm does not cover (AOW-age norms, IOAW/IOAZ) without letting a typing error (99,999.00) through.
"""

from __future__ import annotations

from datetime import date

from almelo_sociaal.parameters.defaults import P

PARAMETERS = [
    P(
        "maandbedrag_marge_pct",
        "Marge boven de bijstandsnorm voor een maandbedrag zonder tweede toetser",
        "%",
        date(2019, 1, 1),
        "10",
        "Gemeentelijk beleid vier-ogentoetsing (standaardwaarde; vast te stellen door functioneel beheer)",
        "beleid",
    ),
]
