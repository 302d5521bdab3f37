from django.apps import AppConfig


class ScaleConfig(AppConfig):
    """Scale data for benchmarks: ``manage.py generate_scale_data`` (see docs/benchmarks.md)."""

    name = "devtools.scale"
    label = "scale"
    verbose_name = "Schaaldata (benchmarks)"
