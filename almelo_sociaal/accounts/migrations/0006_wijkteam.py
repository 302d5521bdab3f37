"""The wijkteam (an organisational unit) moves from ``cases`` into the foundation, without moving data.

Only Django's picture of the schema changes: the model ``accounts.Wijkteam`` takes over the table ``cases_wijkteam``
(same name, same rows, same ids, same constraints), and ``User.wijkteam`` points to it. The apps whose models refer
to a wijkteam (cases, tegenprestatie, jobs, dashboards) repoint their foreign keys in their own migrations, which run
before ``cases`` drops its old model from the picture (cases 0006). The content type moves with the model, so
permissions granted on wijkteams and the admin's history keep their rows.
"""

import django.db.models.deletion
from django.db import migrations, models


def move_content_type(apps, schema_editor, *, source: str, target: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    if ContentType.objects.using(db).filter(app_label=target, model="wijkteam").exists():
        return
    ContentType.objects.using(db).filter(app_label=source, model="wijkteam").update(app_label=target)


def forwards(apps, schema_editor):
    move_content_type(apps, schema_editor, source="cases", target="accounts")


def backwards(apps, schema_editor):
    move_content_type(apps, schema_editor, source="accounts", target="cases")


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_token_scopes"),
        ("cases", "0005_client_event_kinds"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Wijkteam",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("code", models.SlugField(max_length=30, unique=True, verbose_name="code")),
                        ("name", models.CharField(max_length=100, unique=True, verbose_name="naam")),
                    ],
                    options={
                        "verbose_name": "wijkteam",
                        "verbose_name_plural": "wijkteams",
                        "ordering": ["name"],
                        "db_table": "cases_wijkteam",
                    },
                ),
                migrations.AlterField(
                    model_name="user",
                    name="wijkteam",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="members",
                        to="accounts.wijkteam",
                        verbose_name="wijkteam",
                    ),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
