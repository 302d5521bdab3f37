from .views import GroupAssignmentViewSet, InstrumentViewSet, ProfileViewSet, TrajectoryViewSet

ROUTES = [
    ("participatie/profielen", ProfileViewSet, "participation-profile"),
    ("participatie/groepsindelingen", GroupAssignmentViewSet, "participation-assignment"),
    ("participatie/instrumenten", InstrumentViewSet, "participation-instrument"),
    ("participatie/trajecten", TrajectoryViewSet, "participation-trajectory"),
]
