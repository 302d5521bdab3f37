"""The event types a Werkplein system can subscribe to: ``type`` → Dutch description.

A domain app publishes one of these from its service (``events.publish``); a new type is added here (a string,
so the foundation imports no domain app). The prefix follows the CloudEvents convention of a reversed domain."""

from __future__ import annotations

PREFIX = "nl.almelo.sociaal"

EVENT_TYPES: dict[str, str] = {
    f"{PREFIX}.aanvraag.ingediend": "Een aanvraag is ingediend (data: aanvraag, client).",
    f"{PREFIX}.aanvraag.besloten": "Over een aanvraag is besloten: toegekend of afgewezen (data: aanvraag, client, besluit).",
    f"{PREFIX}.dossier.geopend": "Een uitkeringsdossier is geopend (data: dossier, client).",
    f"{PREFIX}.dossier.beeindigd": "Een uitkeringsdossier is beëindigd (data: dossier, client).",
    f"{PREFIX}.uren.geregistreerd": "Uren van een week zijn geregistreerd (data: week, urenregistraties).",
    f"{PREFIX}.groep.vastgesteld": "Een participatiegroep is vastgesteld (data: groepsindeling, client, groep).",
    f"{PREFIX}.signaal.beoordeeld": "Een SRT-signaal is beoordeeld (data: signaal, onderzoek).",
}

AANVRAAG_INGEDIEND = f"{PREFIX}.aanvraag.ingediend"
AANVRAAG_BESLOTEN = f"{PREFIX}.aanvraag.besloten"
DOSSIER_GEOPEND = f"{PREFIX}.dossier.geopend"
DOSSIER_BEEINDIGD = f"{PREFIX}.dossier.beeindigd"
UREN_GEREGISTREERD = f"{PREFIX}.uren.geregistreerd"
GROEP_VASTGESTELD = f"{PREFIX}.groep.vastgesteld"
SIGNAAL_BEOORDEELD = f"{PREFIX}.signaal.beoordeeld"


def type_choices() -> list[tuple[str, str]]:
    return [(name, name.removeprefix(PREFIX + ".")) for name in EVENT_TYPES]
