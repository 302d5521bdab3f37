from .views import BudgetYearViewSet, ForecastViewSet, RealisationViewSet, RevisionViewSet

ROUTES = [
    ("budget/jaren", BudgetYearViewSet, "budget-year"),
    ("budget/bijstellingen", RevisionViewSet, "budget-revision"),
    ("budget/realisaties", RealisationViewSet, "budget-realisation"),
    ("budget/prognoses", ForecastViewSet, "budget-forecast"),
]
