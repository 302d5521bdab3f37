import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "almelo_sociaal.settings")

app = Celery("almelo_sociaal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
