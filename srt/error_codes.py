"""The stable error codes of the SRT (signalen, onderzoeken, boete en terugvordering): code → what it means (Dutch).

Every ``RuleViolation`` code this app raises is listed here (``tests/test_error_codes.py`` checks it);
the API returns the code in ``code``, so a code never changes its meaning and is never reused.
"""

ERROR_CODES: dict[str, str] = {
    "aanvraag_andere_client": "De gekoppelde aanvraag hoort niet bij de cliënt van het signaal of onderzoek.",
    "aanvraag_verplicht": "Een aanvraag kan alleen afgewezen zijn als het onderzoek aan een aanvraag is gekoppeld.",
    "afgerond_voor_start": "Een onderzoek kan niet eerder afgerond zijn dan het is gestart.",
    "ander_resultaat_niet_van_toepassing": "Een ander resultaat hoort alleen bij de uitkomst 'Ander resultaat'.",
    "ander_resultaat_verplicht": "Kies welk ander resultaat het is.",
    "bedrag_negatief": "Een bedrag kan niet negatief zijn.",
    "bedrag_te_groot": "Een berekend bedrag is te groot om op te slaan.",
    "boete_bij_aangifte": "Bij aangifte bij het OM wordt voor hetzelfde feit geen bestuurlijke boete opgelegd (una via).",
    "boete_boven_maximum": "De boete is hoger dan het wettelijk maximum.",
    "boete_niet_mogelijk": "Bij dit andere resultaat hoort geen boete.",
    "boete_ontbreekt": "Vul het bedrag van de opgelegde boete in.",
    "boete_zonder_verwijtbaarheid": "Zonder verwijtbaarheid kan geen boete worden opgelegd.",
    "dossier_andere_client": "Het gekoppelde dossier hoort niet bij de cliënt van het signaal of onderzoek.",
    "dossier_verplicht": "Een uitkering kan alleen beëindigd zijn als het onderzoek aan een uitkeringsdossier is gekoppeld.",
    "koppeling_ontbreekt": "Kies een uitkeringsdossier of een aanvraag om te koppelen.",
    "maandbedrag_verplicht": "Vul het maandbedrag van de uitkering in om de besparing te berekenen.",
    "onderzoek_afgerond": "Een afgerond onderzoek kan niet meer aan een dossier of aanvraag worden gekoppeld.",
    "onderzoeker_verplicht": "Een onderzoek heeft ten minste één onderzoeker.",
    "ongeldige_beoordeling": "Kies verwerpen of een onderzoek openen.",
    "ongeldige_statusovergang": "Deze statusovergang van een onderzoek is niet toegestaan.",
    "reden_afwijking_boete": "Een boete die afwijkt van het voorstel heeft een reden nodig.",
    "reden_afzien_verplicht": "Leg de dringende reden vast waarom van terugvordering wordt afgezien.",
    "reden_keuze_aangifte": "Een keuze tegen het uitgangspunt van de aangiftedrempel (aangifte bij het OM of een bestuurlijke boete) heeft een reden nodig.",
    "reden_verwerpen_verplicht": "Geef een reden op om het signaal te verwerpen.",
    "risicoprofiel_verplicht": "Noem het risicoprofiel van de themacontrole.",
    "signaal_al_beoordeeld": "Het signaal is al beoordeeld.",
    "terugvordering_verplicht": "De inlichtingenplicht is geschonden: terugvordering is verplicht (art. 58 lid 1), tenzij om dringende redenen wordt afgezien.",
    "uitkomst_verplicht": "Kies de uitkomst van het onderzoek.",
    "verwijtbaarheid_onbekend": "Kies de mate van verwijtbaarheid.",
}
