"""Policy settings of the BUIG forecast (seeded after migrate, maintained by functioneel beheer).

The scenario growth rates are assumptions of the finance department, not law: they are parameters so
they can change per year without a release. Seed 000 (Resultaten 2020): "landelijke verwachting 10%
stijging van de bijstandspopulatie in 2021" and "verwachte stijging uitkeringslast 5%". The low
scenario follows the programme target path (2,350 uitkeringen in 2020 → 2,250 in 2021, about −4%).
"""

from datetime import date

from almelo_sociaal.parameters.defaults import P

J2019 = date(2019, 1, 1)
SEED_000 = "Resultaten 2020, BUIG-budget (seed 000)"

PARAMETERS = [
    P(
        "buig_hoog_caseload_groei_pct",
        "BUIG-prognose scenario hoog: groei aantal uitkeringen",
        "%",
        J2019,
        "10",
        SEED_000,
        "beleid",
    ),
    P(
        "buig_hoog_kosten_groei_pct",
        "BUIG-prognose scenario hoog: groei kosten per uitkering",
        "%",
        J2019,
        "5",
        SEED_000,
        "beleid",
    ),
    P(
        "buig_laag_caseload_groei_pct",
        "BUIG-prognose scenario laag: groei aantal uitkeringen",
        "%",
        J2019,
        "-4",
        "Programmadoel 'Minder beroep op bijstand' (seed 002 §9)",
        "beleid",
    ),
    P(
        "buig_laag_kosten_groei_pct",
        "BUIG-prognose scenario laag: groei kosten per uitkering",
        "%",
        J2019,
        "0",
        "Uitgangspunt financiën",
        "beleid",
    ),
    P(
        "buig_signaal_tekort_pct",
        "BUIG: signaalgrens verwacht tekort voor financiën",
        "%",
        J2019,
        "5",
        "Uitgangspunt financiën",
        "beleid",
    ),
]
