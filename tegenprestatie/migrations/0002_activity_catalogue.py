"""Reference data: the activities of the Uitvoeringsregeling Participatiewet Almelo §7 (seed 002).

Inserted if missing (by code); functioneel beheer maintains them afterwards in the admin.
"""

from django.db import migrations

IMPOSED = [
    ("buurtonderhoud", "Buurtonderhoud en zwerfafval opruimen"),
    ("groenploeg", "Werken in een groenploeg"),
    ("schoolpleinen", "Schoolpleinen opknappen of schoonmaken"),
    ("fietsenwerkplaats", "Helpen in de fietsenwerkplaats"),
    ("tweedehands-kleding", "Helpen bij verkoop tweedehands kleding"),
    ("helpen-op-scholen", "Helpen op scholen"),
    ("sportvereniging", "Helpen bij een sportvereniging"),
    ("bibliotheek", "Helpen bij de bibliotheek"),
    ("buurthuis", "Helpen in het buurthuis"),
    ("cultureel-centrum", "Helpen in het cultureel centrum"),
    ("verzorgingshuis", "Helpen in het verzorgingshuis"),
    ("wegwijzer-ziekenhuis", "Wegwijzer in het ziekenhuis"),
    ("rolstoeluitleen", "Uitgifte rolstoeluitleen beheren"),
]
# code, name, needs_host, needs_description
SELF_CHOSEN = [
    ("mantelzorg", "Mantelzorg", False, False),
    ("vrijwilligerswerk", "Vrijwilligerswerk", True, False),
    ("taalonderwijs", "Taalonderwijs", True, False),
    ("anders", "Andere activiteit die een eigen probleem oplost", False, True),
]


def add_catalogue(apps, schema_editor):
    Activity = apps.get_model("tegenprestatie", "Activity")
    existing = set(Activity.objects.values_list("code", flat=True))
    rows = [
        Activity(code=code, name=name, kind="opgelegd", needs_host=True, needs_description=False, sort_order=i)
        for i, (code, name) in enumerate(IMPOSED, start=1)
        if code not in existing
    ]
    rows += [
        Activity(code=code, name=name, kind="zelfgekozen", needs_host=host, needs_description=desc, sort_order=i)
        for i, (code, name, host, desc) in enumerate(SELF_CHOSEN, start=1)
        if code not in existing
    ]
    Activity.objects.bulk_create(rows)


class Migration(migrations.Migration):
    dependencies = [("tegenprestatie", "0001_initial")]

    operations = [migrations.RunPython(add_catalogue, migrations.RunPython.noop)]
