"""The stable error codes of budget (bijstellingen, realisatie, prognose, vangnet): code → what it means (Dutch).

Every ``RuleViolation`` code this app raises is listed here (``tests/test_error_codes.py`` checks it);
the API returns the code in ``code``, so a code never changes its meaning and is never reused.
"""

ERROR_CODES: dict[str, str] = {
    "al_gecorrigeerd": "Deze regel is al gecorrigeerd; corrigeer de laatste correctie.",
    "al_teruggedraaid": "Deze regel is al teruggedraaid.",
    "bedrag_centen": "Geef het bedrag in hele centen.",
    "bedrag_negatief": "Een realisatieregel is positief; een onjuiste regel wordt tegengeboekt.",
    "bedrag_niet_positief": "Het budget moet groter zijn dan € 0.",
    "bedrag_nul": "Het bedrag mag niet € 0 zijn.",
    "bedrag_te_groot": "Het budget is hoger dan het hoogste bedrag dat kan worden opgeslagen.",
    "bezwaar_datum": "Geef de datum van het pro-forma bezwaar.",
    "bezwaar_datum_zonder_bezwaar": "Een bezwaardatum hoort bij een pro-forma bezwaar.",
    "bezwaar_toekomst": "De bezwaardatum kan niet in de toekomst liggen.",
    "bezwaar_voor_publicatie": "Het bezwaar kan niet vóór de publicatiedatum liggen.",
    "caseload_negatief": "Het aantal uitkeringen kan niet negatief zijn.",
    "datum_buiten_jaar": "De publicatiedatum ligt te ver van het begrotingsjaar.",
    "datum_toekomst": "De publicatiedatum ligt in de toekomst.",
    "datum_volgorde": "De publicatiedatum past niet in de volgorde voorlopig, nader voorlopig, definitief.",
    "deling_door_nul": "Een percentage van een bedrag van € 0 bestaat niet.",
    "eigen_risico_ongeldig": "Het eigen risico ligt tussen 0% en 100%.",
    "geen_cijfers": "Er zijn geen budget- en lastencijfers voor die jaren.",
    "groei_te_laag": "Een krimp van 100% of meer is geen scenario.",
    "kosten_niet_positief": "De kosten per uitkering moeten groter zijn dan € 0.",
    "maand_buiten_jaar": "De maand ligt niet in het begrotingsjaar.",
    "maand_ongeldig": "Een maand ligt tussen 1 en 12.",
    "meerjarig_onvolledig": "Een meerjarige toets heeft minstens 2 jaren en een drempel.",
    "post_onbekend": "Kies een post.",
    "prognose_te_groot": "De berekende prognose is te groot om op te slaan.",
    "reden_verplicht": "Een correctie heeft een reden nodig.",
    "schijf_aandeel": "Het vergoedingspercentage van een schijf ligt niet tussen 0 en 100.",
    "schijf_leeg": "Een schijf eindigt niet boven haar begin.",
    "schijf_na_open": "Na een schijf zonder bovengrens kan geen schijf meer komen.",
    "schijf_overlapt": "Een schijf begint onder het eigen risico of het einde van de vorige schijf.",
    "soort_bestaat_al": "Voor dit jaar is deze soort budget al vastgelegd.",
    "soort_onbekend": "Kies een soort bijstelling.",
    "tegenboeking_van_tegenboeking": "Een tegenboeking kan niet worden teruggedraaid.",
    "uitbreiding_jaren": "De referentiejaren van het uitgebreide vangnet liggen vóór het vangnetjaar.",
    "uitbreiding_min_jaren": "Het minimum aantal jaren van het uitgebreide vangnet is ongeldig.",
    "uitbreiding_onvolledig": "Het uitgebreide vangnet heeft referentiejaren, een minimum aantal jaren en schijven nodig.",
}
