"""Client fields named by the one vocabulary (docs/DEVELOPING.md, glossary): English, as tegenprestatie's hosts
already are (street, city). Renames only: the columns are renamed, every value stays. The REST API keeps its
JSON names (cases/api/serializers.py, CLIENT_API_NAMES)."""

from django.db import migrations

RENAMES = [
    ("geboortedatum", "birth_date"),
    ("straat", "street"),
    ("huisnummer", "house_number"),
    ("woonplaats", "city"),
    ("telefoon", "phone"),
]


class Migration(migrations.Migration):
    dependencies = [("cases", "0007_aanvraag_voorliggend_afweging")]

    operations = [
        migrations.RenameField(model_name=model, old_name=old, new_name=new)
        for model in ("client", "historicalclient")
        for old, new in RENAMES
    ]
