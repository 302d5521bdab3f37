"""The stable error codes of bijstand (recht en hoogte): code → what it means (Dutch).

Every ``RuleViolation`` code this app raises is listed in ``ERROR_CODES`` (``tests/test_error_codes.py`` checks
it); the API returns the code in ``code``. ``REASON_CODES`` are the codes of a calculation's reasons why there is
no right (``Calculation.reasons``/``warnings``), returned in the calculation's ``redenen``/``waarschuwingen``.
"""

ERROR_CODES: dict[str, str] = {
    "afwijking_zonder_reden": "Het maandbedrag wijkt af van het berekende bedrag; geef de reden van de afwijking.",
    "bedrag_ontbreekt": "Voor deze berekening ontbreekt een wettelijk bedrag (parameter) op de berekeningsdatum.",
    "bijstand_bedrag_negatief": "Vul een bedrag van € 0 of meer in.",
    "geen_lopend_dossier": "Deze cliënt heeft op die datum geen lopende uitkering.",
    "huishoudlid_geboren_na_start": "Het huishoudlid is geboren na de ingangsdatum.",
    "huishoudlid_rol_onbekend": "Kies partner, kind of huisgenoot.",
    "ingangsdatum_te_ver": "De ingangsdatum ligt meer dan een jaar in de toekomst.",
    "partner_relatie_onbekend": "Kies of de partner gehuwd, geregistreerd partner of samenwonend is.",
    "periode_einde_voor_start": "De einddatum ligt vóór de ingangsdatum.",
}

REASON_CODES: dict[str, str] = {
    "geen_nederlander": "De aanvrager is geen Nederlander en niet met een Nederlander gelijkgesteld (art. 11).",
    "woont_niet_in_nederland": "De aanvrager woont niet in Nederland (art. 11).",
    "jonger_dan_18": "De aanvrager is jonger dan 18 jaar (art. 13).",
    "gedetineerd": "De aanvrager verblijft in detentie (art. 13).",
    "studiefinanciering": "De aanvrager kan studiefinanciering of WTOS krijgen (art. 13).",
    "buitenland_te_lang": "Langer in het buitenland dan 4 weken (13 vanaf de AOW-leeftijd) per jaar (art. 13).",
    "voorliggende_voorziening": "Er is een toereikende voorliggende voorziening (art. 15).",
    "voorliggend_niet_gecontroleerd": "De voorliggende voorzieningen zijn nog niet gecontroleerd (waarschuwing).",
    "vermogen_boven_grens": "Het vermogen ligt boven de vermogensgrens (art. 34).",
    "middelen_boven_norm": "De middelen zijn gelijk aan of hoger dan de bijstandsnorm (art. 19).",
}
