from django.conf import settings
from django.db import models
from django.db.models import Q


class JobRun(models.Model):
    """One execution (attempt) of a periodic job: start, end, rows written, and the error if it failed."""

    class Status(models.TextChoices):
        RUNNING = "running", "Bezig"
        SUCCESS = "success", "Geslaagd"
        RETRYING = "retrying", "Mislukt, wordt opnieuw geprobeerd"
        FAILED = "failed", "Mislukt"

    job = models.CharField("taak", max_length=60, db_index=True)
    params = models.JSONField("parameters", default=dict)
    task_id = models.CharField(max_length=64, blank=True)
    attempt = models.PositiveSmallIntegerField("poging", default=1)
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.RUNNING)
    started_at = models.DateTimeField("gestart", auto_now_add=True)
    finished_at = models.DateTimeField("klaar", null=True, blank=True)
    rows_written = models.PositiveIntegerField("rijen geschreven", default=0)
    error = models.TextField("fout", blank=True)

    class Meta:
        verbose_name = "taakuitvoering"
        verbose_name_plural = "taakuitvoeringen"
        ordering = ["-started_at", "-id"]
        indexes = [models.Index(fields=["job", "-started_at"], name="jobrun_job_started_idx")]

    def __str__(self) -> str:
        return f"{self.job} {self.started_at:%d-%m-%Y %H:%M} {self.get_status_display()}"

    @property
    def duration(self):
        return (self.finished_at - self.started_at) if self.finished_at else None


class WorkItem(models.Model):
    """An item in a coach's (or a role's) work list, produced by the due-work job; deduplicated per subject."""

    class Kind(models.TextChoices):
        REVIEW_DUE = "herbeoordeling", "Herbeoordeling participatiegroep"
        AANVRAAG_OVERDUE = "beslistermijn", "Aanvraag over de beslistermijn"
        TOETSING = "toetsing", "Besluit wacht op toetsing"
        TP_NEAR_CAP = "tp_44_weken", "Tegenprestatie: bijna 44 weken"
        TP_MISSED = "tp_gemist", "Tegenprestatie: gemiste weken of no-show"
        OUT_OF_VIEW = "uit_beeld", "Geen contact binnen de contactfrequentie"
        BUDGET_ALERT = "budget_tekort", "BUIG: verwacht tekort boven de drempel"

    kind = models.CharField("soort", max_length=20, choices=Kind.choices)
    subject_key = models.CharField("onderwerp", max_length=60, help_text="bijv. aanvraag:12, client:7")
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="work_items",
        verbose_name="toegewezen aan",
    )
    role = models.CharField("rol (gedeelde werkvoorraad)", max_length=20, blank=True)
    wijkteam = models.ForeignKey(
        "accounts.Wijkteam", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    client = models.ForeignKey(
        "cases.Client", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    url = models.CharField("link", max_length=200, blank=True)
    message = models.CharField("omschrijving", max_length=300)
    due_on = models.DateField("uiterlijk", null=True, blank=True)
    first_seen = models.DateField("gesignaleerd op")
    last_seen = models.DateField("laatst gezien")
    resolved_on = models.DateField("opgelost op", null=True, blank=True)

    class Meta:
        verbose_name = "werkvoorraaditem"
        verbose_name_plural = "werkvoorraad"
        ordering = ["due_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "subject_key"],
                condition=Q(resolved_on__isnull=True),
                name="workitem_open_once",
            )
        ]
        indexes = [
            models.Index(fields=["assignee", "resolved_on"], name="workitem_assignee_idx"),
            models.Index(fields=["role", "resolved_on"], name="workitem_role_idx"),
            models.Index(fields=["wijkteam", "kind", "resolved_on"], name="workitem_team_kind_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.message}"
