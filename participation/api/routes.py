from .views import GroupAssignmentViewSet, InstrumentViewSet, ProfileViewSet, TrajectoryViewSet

ROUTES = [
    ("participation/profiles", ProfileViewSet, "participation-profile"),
    ("participation/assignments", GroupAssignmentViewSet, "participation-assignment"),
    ("participation/instruments", InstrumentViewSet, "participation-instrument"),
    ("participation/trajectories", TrajectoryViewSet, "participation-trajectory"),
]
