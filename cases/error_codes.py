"""The stable error codes of cases (intake, aanvragen, besluiten, BSN/IBAN/postcode): code → what it means (Dutch).

Every ``RuleViolation`` code this app raises is listed here (``tests/test_error_codes.py`` checks it);
the API returns the code in ``code``, so a code never changes its meaning and is never reused.
"""

ERROR_CODES: dict[str, str] = {
    "besluit_onbekend": "Kies toekennen of afwijzen.",
    "bsn_elfproef": "Dit BSN is ongeldig: het voldoet niet aan de elfproef.",
    "bsn_formaat": "Een BSN bestaat alleen uit cijfers.",
    "bsn_lengte": "Een BSN bestaat uit 9 cijfers.",
    "bsn_ongeldig": "Dit BSN is ongeldig.",
    "bsn_verplicht": "Vul een BSN in.",
    "coach_ander_wijkteam": "Deze werkcoach werkt niet in het wijkteam van de cliënt. Kies een coach van dit wijkteam, of verhuis de cliënt eerst naar het andere wijkteam.",
    "coach_geen_werkcoach": "Kies als werkcoach een actieve medewerker met de rol werkcoach.",
    "concept_alleen_in_behandeling": "Een besluit kan alleen worden voorbereid voor een aanvraag die in behandeling is.",
    "geen_concept": "Er is geen conceptbesluit om te toetsen.",
    "iban_ongeldig": "Dit IBAN is ongeldig; controleer het rekeningnummer.",
    "ingangsdatum_te_vroeg": "De ingangsdatum ligt meer dan drie maanden vóór de aanvraagdatum.",
    "ingangsdatum_verplicht": "Vul de ingangsdatum van de uitkering in.",
    "maandbedrag_boven_grens": "Het maandbedrag ligt boven de grens (norm plus marge) en is niet gemotiveerd.",
    "maandbedrag_verplicht": "Vul een maandbedrag groter dan € 0 in.",
    "motivering_verplicht": "Een besluit moet worden gemotiveerd.",
    "overgang_niet_toegestaan": "Deze statusovergang van een aanvraag is niet toegestaan.",
    "postcode_ongeldig": "Vul een geldige Nederlandse postcode in, bijvoorbeeld 7607 AB.",
    "tweede_toetser_nodig": "U heeft dit besluit al als eerste toetser goedgekeurd. Het maandbedrag ligt boven de grens: een andere toetser moet het bevestigen.",
    "verhuizing_reden_verplicht": "Geef de reden van de verhuizing op.",
    "versie_ontbreekt": "Er is niet aangegeven welke versie van het conceptbesluit u toetst. Open de aanvraag opnieuw en toets de getoonde versie.",
    "versie_verouderd": "Het conceptbesluit is gewijzigd nadat de toetser het opende; toets de nieuwe versie.",
    "voorliggend_afweging_verplicht": "Er is een voorliggende voorziening vastgelegd: een toekenning legt vast waarom toch bijstand wordt toegekend (art. 15 Participatiewet).",
    "voorliggend_motivering_verplicht": "De afweging van de voorliggende voorziening is niet gemotiveerd.",
    "voorliggend_niet_gecontroleerd": "Controleer eerst de voorliggende voorzieningen (WW, DUO) voordat u toekent.",
    "vier_ogen": "U kunt uw eigen conceptbesluit niet goedkeuren: een tweede medewerker moet toetsen (vier-ogenprincipe).",
    "wijkteam_ongewijzigd": "De cliënt hoort al bij dit wijkteam.",
}
