"""The SRT models, taken over from ``cases`` in state only: the tables ``cases_srt*`` already exist (created by
``cases`` 0002) and keep every row. The database part only relabels the content types, so what points at them
(permissions, admin log) follows the models.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


MODELS = ["srtsignal", "srtinvestigation", "srtassignment", "srtnote", "srtdocument"]


def _relabel(apps, old: str, new: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    taken = set(ContentType.objects.filter(app_label=new, model__in=MODELS).values_list("model", flat=True))
    ContentType.objects.filter(app_label=old, model__in=set(MODELS) - taken).update(app_label=new)


def forwards(apps, schema_editor):
    _relabel(apps, "cases", "srt")


def backwards(apps, schema_editor):
    _relabel(apps, "srt", "cases")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('cases', '0006_srt_moves_to_its_own_app'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='SrtAssignment',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('assigned_at', models.DateTimeField(auto_now_add=True, verbose_name='toegewezen op')),
                        ('assigned_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='srt_assignments', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'toewijzing onderzoeker',
                        'verbose_name_plural': 'toewijzingen onderzoekers',
                        'db_table': 'cases_srtassignment',
                        'ordering': ['assigned_at', 'id'],
                    },
                ),
                migrations.CreateModel(
                    name='SrtInvestigation',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('reference', models.CharField(max_length=20, unique=True, verbose_name='kenmerk')),
                        ('source', models.CharField(choices=[('melding', 'Melding / tip'), ('themacontrole', 'Themacontrole (risicoprofiel)'), ('gegevensmatch', 'Gegevensmatch (Suwinet)'), ('huisbezoek', 'Huisbezoek'), ('niet_verschenen', 'Niet verschenen op afspraak')], max_length=20, verbose_name='bron')),
                        ('status', models.CharField(choices=[('gemeld', 'Gemeld'), ('in_onderzoek', 'In onderzoek'), ('afgerond', 'Afgerond')], default='gemeld', max_length=20, verbose_name='status')),
                        ('opened_on', models.DateField(verbose_name='geopend op')),
                        ('started_on', models.DateField(blank=True, null=True, verbose_name='in onderzoek sinds')),
                        ('closed_on', models.DateField(blank=True, null=True, verbose_name='afgerond op')),
                        ('duration_days', models.PositiveIntegerField(blank=True, null=True, verbose_name='doorlooptijd (dagen)')),
                        ('outcome', models.CharField(blank=True, choices=[('uitkering_beeindigd', 'Uitkering beëindigd'), ('aanvraag_afgewezen', 'Aanvraag afgewezen'), ('ander_resultaat', 'Ander resultaat')], max_length=25, verbose_name='uitkomst')),
                        ('other_result', models.CharField(blank=True, choices=[('geen_overtreding', 'Geen overtreding'), ('waarschuwing', 'Schriftelijke waarschuwing'), ('maatregel', 'Maatregel'), ('boete', 'Bestuurlijke boete')], max_length=20, verbose_name='ander resultaat')),
                        ('conclusion', models.TextField(blank=True, verbose_name='conclusie')),
                        ('inlichtingenplicht_geschonden', models.BooleanField(default=False, verbose_name='inlichtingenplicht geschonden')),
                        ('culpability', models.CharField(blank=True, choices=[('opzet', 'Opzet'), ('grove_schuld', 'Grove schuld'), ('normaal', 'Normale verwijtbaarheid'), ('verminderd', 'Verminderde verwijtbaarheid'), ('geen', 'Geen verwijtbaarheid')], max_length=20, verbose_name='verwijtbaarheid')),
                        ('benadelingsbedrag', models.DecimalField(decimal_places=2, default=0, max_digits=14, verbose_name='benadelingsbedrag')),
                        ('terugvordering', models.DecimalField(decimal_places=2, default=0, max_digits=14, verbose_name='terugvordering')),
                        ('terugvordering_grond', models.CharField(blank=True, choices=[('verplicht', 'Verplicht (inlichtingenplicht geschonden, art. 58 lid 1)'), ('bevoegd', 'Bevoegd (discretionair, art. 58 lid 2)')], max_length=10, verbose_name='grond terugvordering')),
                        ('terugvordering_afgezien', models.BooleanField(default=False, verbose_name='afgezien van terugvordering (dringende redenen)')),
                        ('terugvordering_afzien_reden', models.TextField(blank=True, verbose_name='dringende reden')),
                        ('boete_advice', models.CharField(blank=True, choices=[('boete', 'Bestuurlijke boete'), ('waarschuwing', 'Schriftelijke waarschuwing in plaats van boete'), ('geen', 'Geen boete')], max_length=15, verbose_name='advies sanctie')),
                        ('boete_voorstel', models.DecimalField(blank=True, decimal_places=2, max_digits=14, null=True, verbose_name='voorgestelde boete')),
                        ('boete', models.DecimalField(decimal_places=2, default=0, max_digits=14, verbose_name='opgelegde boete')),
                        ('boete_reden', models.TextField(blank=True, verbose_name='reden afwijking boete')),
                        ('recidive', models.BooleanField(default=False, verbose_name='recidive')),
                        ('waarschuwing', models.BooleanField(default=False, verbose_name='schriftelijke waarschuwing gegeven')),
                        ('aangifte', models.BooleanField(default=False, verbose_name='aangifte bij het OM')),
                        ('maandbedrag_uitkering', models.DecimalField(blank=True, decimal_places=2, max_digits=14, null=True, verbose_name='maandbedrag uitkering')),
                        ('bespaarde_uitkering', models.DecimalField(decimal_places=2, default=0, max_digits=14, verbose_name='bespaarde uitkering')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('aanvraag', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='srt_investigations', to='cases.aanvraag', verbose_name='aanvraag')),
                        ('client', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='srt_investigations', to='cases.client', verbose_name='cliënt')),
                        ('dossier', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='srt_investigations', to='cases.uitkeringsdossier', verbose_name='uitkeringsdossier')),
                        ('investigators', models.ManyToManyField(blank=True, related_name='srt_investigations', through='srt.SrtAssignment', through_fields=('investigation', 'user'), to=settings.AUTH_USER_MODEL, verbose_name='onderzoekers')),
                        ('outcome_recorded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'SRT-onderzoek',
                        'verbose_name_plural': 'SRT-onderzoeken',
                        'db_table': 'cases_srtinvestigation',
                        'ordering': ['-opened_on', '-id'],
                    },
                ),
                migrations.CreateModel(
                    name='SrtDocument',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('proces_verbaal', 'Proces-verbaal'), ('rapport_huisbezoek', 'Rapport huisbezoek'), ('verklaring', 'Verklaring cliënt'), ('bankafschriften', 'Bankafschriften'), ('suwinet', 'Suwinet-uitdraai'), ('besluit', 'Besluit'), ('overig', 'Overig')], max_length=20, verbose_name='soort')),
                        ('title', models.CharField(max_length=200, verbose_name='titel')),
                        ('document_date', models.DateField(verbose_name='documentdatum')),
                        ('dms_reference', models.CharField(blank=True, max_length=60, verbose_name='kenmerk DMS')),
                        ('added_at', models.DateTimeField(auto_now_add=True, verbose_name='toegevoegd op')),
                        ('added_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('investigation', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='documents', to='srt.srtinvestigation')),
                    ],
                    options={
                        'verbose_name': 'document',
                        'verbose_name_plural': 'documenten',
                        'db_table': 'cases_srtdocument',
                        'ordering': ['document_date', 'id'],
                    },
                ),
                migrations.AddField(
                    model_name='srtassignment',
                    name='investigation',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='assignments', to='srt.srtinvestigation'),
                ),
                migrations.CreateModel(
                    name='SrtNote',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('bevinding', 'Bevinding'), ('status', 'Statuswijziging'), ('uitkomst', 'Uitkomst'), ('toewijzing', 'Toewijzing')], default='bevinding', max_length=12, verbose_name='soort')),
                        ('text', models.TextField(verbose_name='bevinding')),
                        ('at', models.DateTimeField(auto_now_add=True, verbose_name='tijdstip')),
                        ('author', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('investigation', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='notes', to='srt.srtinvestigation')),
                    ],
                    options={
                        'verbose_name': 'bevinding',
                        'verbose_name_plural': 'bevindingen',
                        'db_table': 'cases_srtnote',
                        'ordering': ['at', 'id'],
                    },
                ),
                migrations.CreateModel(
                    name='SrtSignal',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('source', models.CharField(choices=[('melding', 'Melding / tip'), ('themacontrole', 'Themacontrole (risicoprofiel)'), ('gegevensmatch', 'Gegevensmatch (Suwinet)'), ('huisbezoek', 'Huisbezoek'), ('niet_verschenen', 'Niet verschenen op afspraak')], max_length=20, verbose_name='bron')),
                        ('risk_profile', models.CharField(blank=True, help_text='Verplicht bij een themacontrole', max_length=120, verbose_name='risicoprofiel')),
                        ('received_on', models.DateField(verbose_name='ontvangen op')),
                        ('description', models.TextField(verbose_name='omschrijving')),
                        ('status', models.CharField(choices=[('nieuw', 'Nieuw (te beoordelen)'), ('verworpen', 'Verworpen'), ('in_onderzoek', 'Onderzoek geopend')], default='nieuw', max_length=20, verbose_name='status')),
                        ('discard_reason', models.TextField(blank=True, verbose_name='reden verwerpen')),
                        ('triaged_at', models.DateTimeField(blank=True, null=True, verbose_name='beoordeeld op')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('aanvraag', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='srt_signals', to='cases.aanvraag', verbose_name='aanvraag')),
                        ('client', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='srt_signals', to='cases.client', verbose_name='cliënt')),
                        ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('dossier', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='srt_signals', to='cases.uitkeringsdossier', verbose_name='uitkeringsdossier')),
                        ('triaged_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'SRT-signaal',
                        'verbose_name_plural': 'SRT-signalen',
                        'db_table': 'cases_srtsignal',
                        'ordering': ['-received_on', '-id'],
                    },
                ),
                migrations.AddField(
                    model_name='srtinvestigation',
                    name='signal',
                    field=models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='investigation', to='srt.srtsignal', verbose_name='signaal'),
                ),
                migrations.AddConstraint(
                    model_name='srtassignment',
                    constraint=models.UniqueConstraint(fields=('investigation', 'user'), name='srt_assignment_once'),
                ),
                migrations.AddIndex(
                    model_name='srtsignal',
                    index=models.Index(fields=['status', '-received_on'], name='srt_signal_status_idx'),
                ),
                migrations.AddConstraint(
                    model_name='srtsignal',
                    constraint=models.CheckConstraint(condition=models.Q(models.Q(('source', 'themacontrole'), _negated=True), models.Q(('risk_profile', ''), _negated=True), _connector='OR'), name='srt_signal_themacontrole_has_profile'),
                ),
                migrations.AddConstraint(
                    model_name='srtsignal',
                    constraint=models.CheckConstraint(condition=models.Q(models.Q(('status', 'verworpen'), _negated=True), models.Q(('discard_reason', ''), _negated=True), _connector='OR'), name='srt_signal_discard_has_reason'),
                ),
                migrations.AddIndex(
                    model_name='srtinvestigation',
                    index=models.Index(fields=['status', '-opened_on'], name='srt_inv_status_idx'),
                ),
                migrations.AddIndex(
                    model_name='srtinvestigation',
                    index=models.Index(fields=['closed_on'], name='srt_inv_closed_idx'),
                ),
                migrations.AddIndex(
                    model_name='srtinvestigation',
                    index=models.Index(fields=['client', 'closed_on'], name='srt_inv_client_idx'),
                ),
                migrations.AddConstraint(
                    model_name='srtinvestigation',
                    constraint=models.CheckConstraint(condition=models.Q(('benadelingsbedrag__gte', 0), ('terugvordering__gte', 0), ('boete__gte', 0), ('bespaarde_uitkering__gte', 0)), name='srt_inv_amounts_not_negative'),
                ),
                migrations.AddConstraint(
                    model_name='srtinvestigation',
                    constraint=models.CheckConstraint(condition=models.Q(models.Q(('status', 'afgerond'), _negated=True), models.Q(('closed_on__isnull', False), models.Q(('outcome', ''), _negated=True)), _connector='OR'), name='srt_inv_closed_has_outcome'),
                ),
                migrations.AddConstraint(
                    model_name='srtinvestigation',
                    constraint=models.CheckConstraint(condition=models.Q(('closed_on__isnull', True), ('closed_on__gte', models.F('opened_on')), _connector='OR'), name='srt_inv_closed_after_opened'),
                ),
                migrations.AddConstraint(
                    model_name='srtinvestigation',
                    constraint=models.CheckConstraint(condition=models.Q(models.Q(('outcome', 'ander_resultaat'), _negated=True), models.Q(('other_result', ''), _negated=True), _connector='OR'), name='srt_inv_other_result_given'),
                ),
                migrations.AddConstraint(
                    model_name='srtinvestigation',
                    constraint=models.CheckConstraint(condition=models.Q(('terugvordering_afgezien', False), models.Q(('terugvordering_afzien_reden', ''), _negated=True), _connector='OR'), name='srt_inv_waiver_has_reason'),
                ),
            ],
            database_operations=[migrations.RunPython(forwards, backwards)],
        ),
    ]
