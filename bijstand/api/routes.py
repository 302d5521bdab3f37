from .views import DossierCalculationViewSet, HouseholdViewSet, WhatIfViewSet

ROUTES = [
    ("huishoudens", HouseholdViewSet, "bijstand-huishouden"),
    ("berekeningen", DossierCalculationViewSet, "bijstand-berekening"),
    ("proefberekeningen", WhatIfViewSet, "bijstand-proefberekening"),
]
