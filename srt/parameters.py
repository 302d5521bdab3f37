"""Effective-dated legal and policy amounts the SRT rules need (seeded after migrate, kept by beheer).

Read them with ``almelo_sociaal.parameters.selectors.parameter_values(SRT_PARAMETER_KEYS, on=...)`` and turn
them into ``rules.SrtParameters`` with ``rules.SrtParameters.from_values``; the rules never hold the numbers.
"""

from __future__ import annotations

from datetime import date

from almelo_sociaal.parameters.defaults import P

# The culpability percentages of the Boetebesluit socialezekerheidswetten apply since 1 January 2017 (the
# first date these defaults are valid from, so older investigations can still be assessed); the OM threshold
# comes from the Aanwijzing sociale zekerheidsfraude. Values of kind "beleid" are Almelo's own choices.
BOETEBESLUIT_2017 = date(2017, 1, 1)
BOETEBESLUIT = "Boetebesluit socialezekerheidswetten art. 2a"
PW_18A = "Participatiewet art. 18a"

PARAMETERS = [
    P("srt_boete_pct_opzet", "Bestuurlijke boete bij opzet", "%", BOETEBESLUIT_2017, "100", BOETEBESLUIT),
    P(
        "srt_boete_pct_grove_schuld",
        "Bestuurlijke boete bij grove schuld",
        "%",
        BOETEBESLUIT_2017,
        "75",
        BOETEBESLUIT,
    ),
    P(
        "srt_boete_pct_normaal",
        "Bestuurlijke boete bij normale verwijtbaarheid",
        "%",
        BOETEBESLUIT_2017,
        "50",
        BOETEBESLUIT,
    ),
    P(
        "srt_boete_pct_verminderd",
        "Bestuurlijke boete bij verminderde verwijtbaarheid",
        "%",
        BOETEBESLUIT_2017,
        "25",
        BOETEBESLUIT,
    ),
    P(
        "srt_boete_recidive_pct",
        "Boete bij recidive: percentage van de gewone boete (en maximum t.o.v. benadeling)",
        "%",
        BOETEBESLUIT_2017,
        "150",
        f"{PW_18A} lid 7",
    ),
    P(
        "srt_recidive_jaren",
        "Recidivetermijn (eerdere boete binnen)",
        "jaren",
        BOETEBESLUIT_2017,
        "5",
        f"{PW_18A} lid 7",
    ),
    P(
        "srt_waarschuwing_jaren",
        "Schriftelijke waarschuwing alleen als er geen waarschuwing was binnen",
        "jaren",
        BOETEBESLUIT_2017,
        "2",
        f"{PW_18A} lid 3",
    ),
    P(
        "srt_waarschuwing_max_benadeling",
        "Schriftelijke waarschuwing mogelijk tot een benadelingsbedrag van",
        "EUR",
        BOETEBESLUIT_2017,
        "150",
        f"{PW_18A} lid 3 / Boetebesluit art. 3",
    ),
    P(
        "srt_boete_max_zonder_benadeling",
        "Maximale boete als de overtreding niet tot benadeling leidde",
        "EUR",
        BOETEBESLUIT_2017,
        "150",
        f"{BOETEBESLUIT} lid 3",
    ),
    P(
        "srt_aangifte_drempel",
        "Aangifte bij het OM vanaf een benadelingsbedrag van",
        "EUR",
        BOETEBESLUIT_2017,
        "50000",
        "Aanwijzing sociale zekerheidsfraude (OM)",
    ),
    P(
        "srt_besparing_maanden",
        "Bespaarde uitkering: aantal maanden dat een beëindigde of afgewezen uitkering telt",
        "maanden",
        date(2019, 1, 1),
        "12",
        "Resultaten SRT 2020 (seed 000): 'gedurende 1 jaar'",
        "beleid",
    ),
]

SRT_PARAMETER_KEYS = sorted({p.key for p in PARAMETERS})
