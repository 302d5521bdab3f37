"""Functioneel beheer maintains the vangnet rules in the admin; the bands are checked by the rules."""

import pytest
from django.urls import reverse

from budget.models import VangnetRegel

pytestmark = pytest.mark.django_db


def form_data(**bands):
    data = {
        "year": "2024",
        "eigen_risico_pct": "7.5",
        "multiyear_years": "3",
        "multiyear_threshold_pct": "7.5",
        "source": "Regeling vangnetuitkering",
        "bands-TOTAL_FORMS": str(len(bands)),
        "bands-INITIAL_FORMS": "0",
        "bands-MIN_NUM_FORMS": "0",
        "bands-MAX_NUM_FORMS": "1000",
    }
    for i, (from_pct, to_pct, share) in enumerate(bands.values()):
        data.update(
            {
                f"bands-{i}-kind": "regulier",
                f"bands-{i}-from_pct": from_pct,
                f"bands-{i}-to_pct": to_pct,
                f"bands-{i}-share_pct": share,
            }
        )
    return data


def test_beheer_adds_vangnet_rules_with_bands(client, beheer):
    response = client.post(
        reverse("admin:budget_vangnetregel_add"),
        form_data(a=("7.5", "12.5", "50"), b=("12.5", "", "100")),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    regel = VangnetRegel.objects.get(year=2024)
    assert regel.bands.count() == 2


def test_overlapping_bands_are_refused_with_the_rule_message(client, beheer):
    response = client.post(reverse("admin:budget_vangnetregel_add"), form_data(a=("5", "", "50")))
    assert response.status_code == 200
    assert "begint onder 7,50%" in response.content.decode()
    assert not VangnetRegel.objects.exists()
