"""Wijkteam keys point to ``accounts.Wijkteam`` (moved from cases, accounts 0006). State only: same table."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0006_wijkteam"),
        ("dashboards", "0001_initial"),
    ]
    run_before = [("cases", "0006_wijkteam_in_accounts")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="caseloadsnapshot",
                    name="wijkteam",
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to="accounts.wijkteam"),
                ),
                migrations.AlterField(
                    model_name="coachloadsnapshot",
                    name="wijkteam",
                    field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="accounts.wijkteam"),
                ),
                migrations.AlterField(
                    model_name="tegenprestatiesnapshot",
                    name="wijkteam",
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to="accounts.wijkteam"),
                ),
            ],
            database_operations=[],
        ),
    ]
