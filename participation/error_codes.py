"""The stable error codes of participation (profiel, groep, instrumenten): code → what it means (Dutch).

Every ``RuleViolation`` code this app raises is listed here (``tests/test_error_codes.py`` checks it);
the API returns the code in ``code``, so a code never changes its meaning and is never reused.
"""

ERROR_CODES: dict[str, str] = {
    "arbeidsbeperking_vereist": "Het instrument is alleen voor cliënten met een arbeidsbeperking.",
    "einde_voor_start": "De einddatum ligt vóór de startdatum.",
    "geboortedatum_kind_verplicht": "Zorg voor kinderen vraagt de geboortedatum van het jongste kind.",
    "geboortedatum_toekomst": "De geboortedatum van het jongste kind ligt na de datum van het profiel.",
    "geen_groep": "Leg eerst een participatiegroep vast voordat u een instrument inzet.",
    "groep_niet_toegestaan": "Het instrument is niet toegestaan in de groep van de cliënt.",
    "groep_ongeldig": "De participatiegroep bestaat niet (-1 tot en met 4).",
    "instrument_elders": "Het instrument wordt in een eigen module vastgelegd, niet als traject.",
    "instrument_loopt_al": "Het instrument loopt al voor deze cliënt in deze periode.",
    "instrument_onbekend": "Het instrument staat niet in de catalogus.",
    "leeftijd_leerwerktraject": "Een leerwerktraject is voor jongeren van 16 tot 27 jaar.",
    "leeftijd_onbekend": "De geboortedatum van de cliënt is niet bekend.",
    "leeftijd_participatieplaats": "De cliënt is jonger dan de minimumleeftijd voor een participatieplaats.",
    "leeftijd_studietoeslag": "Studietoeslag kan pas vanaf 18 jaar.",
    "lks_loonwaarde_ongeldig": "Loonkostensubsidie kan alleen bij een loonwaarde van 0 tot 100% van het WML.",
    "lks_wml_ongeldig": "Het minimumloon moet groter dan nul zijn.",
    "lks_zonder_loonwaarde_te_lang": "Loonkostensubsidie zonder loonwaardebepaling duurt langer dan toegestaan.",
    "max_instrumenten_groep_2": "In groep 2 loopt al het maximum aantal instrumenten tegelijk.",
    "medische_urenbeperking_vereist": "De vrijlating is alleen voor cliënten met een medische urenbeperking.",
    "profiel_ongeldig": "Uitkeringsduur kan niet negatief zijn.",
    "reden_verplicht": "Een groep die afwijkt van het voorstel heeft een reden nodig.",
    "startkwalificatie_aanwezig": "Het instrument is alleen voor jongeren zonder startkwalificatie.",
    "student_vereist": "Het instrument is alleen voor studenten (studiefinanciering/WTOS).",
    "uren_ongeldig": "Mantelzorguren liggen tussen 0 en 168 per week.",
    "vrijlating_ongeldig": "Inkomsten kunnen niet negatief zijn.",
    "vrijlating_samenloop": "De vrijlating medische urenbeperking kan niet naast de vrijlating van 25% (6 maanden) of 12,5% (alleenstaande ouder) lopen; pas die eerst af.",
    "zorg_kinderen_niet_aangevinkt": "Een geboortedatum van het jongste kind hoort bij 'zorgt voor kinderen'.",
}
