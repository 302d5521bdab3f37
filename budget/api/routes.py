from .views import BudgetYearViewSet, ForecastViewSet, RealisationViewSet, RevisionViewSet

ROUTES = [
    ("budget/years", BudgetYearViewSet, "budget-year"),
    ("budget/revisions", RevisionViewSet, "budget-revision"),
    ("budget/realisation", RealisationViewSet, "budget-realisation"),
    ("budget/forecasts", ForecastViewSet, "budget-forecast"),
]
