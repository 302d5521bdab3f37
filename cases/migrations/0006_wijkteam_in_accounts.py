"""The wijkteam moved to the foundation (accounts 0006): clients point to ``accounts.Wijkteam``, and ``cases``
drops its own model from Django's picture. State only: the table ``cases_wijkteam`` and its rows stay.

The other apps that refer to a wijkteam repoint their keys first (their migrations ``run_before`` this one), so
that nothing still points to ``cases.Wijkteam`` when it leaves the picture.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0006_wijkteam"),
        ("cases", "0005_client_event_kinds"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="historicalclient",
                    name="wijkteam",
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name="+", to="accounts.wijkteam", verbose_name="wijkteam"),
                ),
                migrations.AlterField(
                    model_name="client",
                    name="wijkteam",
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="clients", to="accounts.wijkteam", verbose_name="wijkteam"),
                ),
                migrations.DeleteModel(name="Wijkteam"),
            ],
            database_operations=[],
        ),
    ]
