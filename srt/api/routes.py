from .views import InvestigationViewSet, SignalViewSet

ROUTES = [
    ("srt/signalen", SignalViewSet, "srt-signal"),
    ("srt/onderzoeken", InvestigationViewSet, "srt-investigation"),
]
