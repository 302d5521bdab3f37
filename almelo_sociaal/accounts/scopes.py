"""The catalogue of API token scopes: one per resource and action, in one place.

A token (only ever for an API-client account) carries a list of these scopes. Each viewset declares which scope
an action needs (``read_scopes``, ``write_scopes``, ``action_scopes``, next to ``roles``/``write_roles``/
``action_roles``); ``permissions.RolePermission`` checks both: the role says what the account may do at all,
the scope what this token may do of that. An API-client account holds no wijkteam restriction, so its scopes
are its whole limit: a token only reaches the resources and actions its scopes name.

Human accounts never hold a token (it would bypass the second factor and the lockout); a logged-in session is
bound by its roles only. An API-client account that logs in with a session has no scopes at all.
"""

from __future__ import annotations

CLIENTEN_LEZEN = "clienten:lezen"
CLIENTEN_SCHRIJVEN = "clienten:schrijven"
BSN = "bsn"
WIJKTEAMS_LEZEN = "wijkteams:lezen"
AANVRAGEN_LEZEN = "aanvragen:lezen"
AANVRAGEN_SCHRIJVEN = "aanvragen:schrijven"
DOSSIERS_LEZEN = "dossiers:lezen"
DOSSIERS_SCHRIJVEN = "dossiers:schrijven"
PARTICIPATIE_LEZEN = "participatie:lezen"
PARTICIPATIEPROFIELEN_LEZEN = "participatieprofielen:lezen"
PARTICIPATIE_SCHRIJVEN = "participatie:schrijven"
TEGENPRESTATIE_LEZEN = "tegenprestatie:lezen"
TEGENPRESTATIE_SCHRIJVEN = "tegenprestatie:schrijven"
UREN_LEZEN = "uren:lezen"
UREN_SCHRIJVEN = "uren:schrijven"
BUDGET_LEZEN = "budget:lezen"
BUDGET_SCHRIJVEN = "budget:schrijven"
SRT_SIGNAAL_LEZEN = "srt:signaal-lezen"
SRT_SIGNAAL_MELDEN = "srt:signaal-melden"
SRT_SIGNAAL_BEOORDELEN = "srt:signaal-beoordelen"
SRT_ONDERZOEK_LEZEN = "srt:onderzoek-lezen"
SRT_ONDERZOEK_SCHRIJVEN = "srt:onderzoek-schrijven"

SCOPES: dict[str, str] = {
    CLIENTEN_LEZEN: "Cliënten lezen en zoeken op BSN (BSN gemaskeerd)",
    BSN: "Het volledige BSN in antwoorden (anders gemaskeerd)",
    CLIENTEN_SCHRIJVEN: "Cliënten registreren en wijzigen",
    WIJKTEAMS_LEZEN: "Wijkteams lezen (referentiegegevens)",
    AANVRAGEN_LEZEN: "Aanvragen lezen",
    AANVRAGEN_SCHRIJVEN: "Aanvragen indienen en behandelen",
    DOSSIERS_LEZEN: "Uitkeringsdossiers lezen",
    DOSSIERS_SCHRIJVEN: "Uitkeringsdossiers beëindigen",
    PARTICIPATIE_LEZEN: "Groepsindelingen, instrumenten en trajecten lezen",
    PARTICIPATIEPROFIELEN_LEZEN: "Participatieprofielen lezen (belemmeringen per leefgebied)",
    PARTICIPATIE_SCHRIJVEN: "Profielen, groepsindelingen en trajecten vastleggen",
    TEGENPRESTATIE_LEZEN: "Gastorganisaties en plaatsingen tegenprestatie lezen",
    TEGENPRESTATIE_SCHRIJVEN: "Plaatsingen tegenprestatie voorstellen en wijzigen",
    UREN_LEZEN: "Uren tegenprestatie lezen",
    UREN_SCHRIJVEN: "Uren tegenprestatie registreren",
    BUDGET_LEZEN: "BUIG-budget lezen",
    BUDGET_SCHRIJVEN: "BUIG-budget boeken",
    SRT_SIGNAAL_LEZEN: "SRT-signalen lezen",
    SRT_SIGNAAL_MELDEN: "SRT-signalen melden (bijvoorbeeld een Suwinet-gegevensmatch)",
    SRT_SIGNAAL_BEOORDELEN: "SRT-signalen beoordelen",
    SRT_ONDERZOEK_LEZEN: "SRT-onderzoeken lezen, met bevindingen en documenten",
    SRT_ONDERZOEK_SCHRIJVEN: "SRT-onderzoeken bijwerken",
}

# What the Werkplein integration needs, and no more: it matches clients to work (clients with a masked BSN — it
# looks a client up with the BSN it already has — their wijkteam, participation group and trajectories) and
# reports signals to the SRT (a no-show, a data match). It reads no aanvragen, dossiers, hours, participation
# profiles, SRT signals or investigations, and never the full BSN.
WERKPLEIN = (CLIENTEN_LEZEN, WIJKTEAMS_LEZEN, PARTICIPATIE_LEZEN, SRT_SIGNAAL_MELDEN)

PRESETS: dict[str, tuple[str, ...]] = {"werkplein": WERKPLEIN}


def unknown_scopes(scopes) -> list[str]:
    return sorted(set(scopes) - set(SCOPES))
