"""SRT moves to its own app (label ``srt``): its models leave this app's state only.

The tables stay where they are (``cases_srt*``); ``srt`` 0001 takes the same models into its state with
``db_table`` set to these names. No row moves, nothing is created or dropped.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0005_client_event_kinds'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='srtinvestigation',
                    name='investigators',
                ),
                migrations.RemoveField(
                    model_name='srtdocument',
                    name='added_by',
                ),
                migrations.RemoveField(
                    model_name='srtdocument',
                    name='investigation',
                ),
                migrations.RemoveField(
                    model_name='srtinvestigation',
                    name='aanvraag',
                ),
                migrations.RemoveField(
                    model_name='srtinvestigation',
                    name='client',
                ),
                migrations.RemoveField(
                    model_name='srtinvestigation',
                    name='dossier',
                ),
                migrations.RemoveField(
                    model_name='srtinvestigation',
                    name='outcome_recorded_by',
                ),
                migrations.RemoveField(
                    model_name='srtinvestigation',
                    name='signal',
                ),
                migrations.RemoveField(
                    model_name='srtnote',
                    name='investigation',
                ),
                migrations.RemoveField(
                    model_name='srtnote',
                    name='author',
                ),
                migrations.RemoveField(
                    model_name='srtsignal',
                    name='aanvraag',
                ),
                migrations.RemoveField(
                    model_name='srtsignal',
                    name='client',
                ),
                migrations.RemoveField(
                    model_name='srtsignal',
                    name='created_by',
                ),
                migrations.RemoveField(
                    model_name='srtsignal',
                    name='dossier',
                ),
                migrations.RemoveField(
                    model_name='srtsignal',
                    name='triaged_by',
                ),
                migrations.DeleteModel(
                    name='SrtAssignment',
                ),
                migrations.DeleteModel(
                    name='SrtDocument',
                ),
                migrations.DeleteModel(
                    name='SrtInvestigation',
                ),
                migrations.DeleteModel(
                    name='SrtNote',
                ),
                migrations.DeleteModel(
                    name='SrtSignal',
                ),
            ],
            database_operations=[],
        ),
    ]
