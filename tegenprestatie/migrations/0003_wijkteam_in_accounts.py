"""Wijkteam keys point to ``accounts.Wijkteam`` (moved from cases, accounts 0006). State only: same table."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0006_wijkteam"),
        ("tegenprestatie", "0002_activity_catalogue"),
    ]
    run_before = [("cases", "0006_wijkteam_in_accounts")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="historicalhostorganisation",
                    name="wijkteam",
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name="+", to="accounts.wijkteam", verbose_name="wijk(team)"),
                ),
                migrations.AlterField(
                    model_name="hostorganisation",
                    name="wijkteam",
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="tp_hosts", to="accounts.wijkteam", verbose_name="wijk(team)"),
                ),
            ],
            database_operations=[],
        ),
    ]
