"""`make run` (DEBUG with FRIENDLY_ERROR_PAGES) shows the friendly 404/500 pages, not Django's debug pages."""

import pytest
from django.test import Client, override_settings
from django.urls import path

from almelo_sociaal import urls as project_urls

pytestmark = pytest.mark.django_db


def _boom(request):
    raise RuntimeError("kapot")


urlpatterns = [*project_urls.urlpatterns, path("kapot/", _boom)]
handler404 = project_urls.handler404
handler500 = project_urls.handler500


@override_settings(DEBUG=True, FRIENDLY_ERROR_PAGES=True)
def test_unknown_url_is_the_friendly_404_without_the_url_list(client, make_user):
    client.force_login(make_user("coach"))
    response = client.get("/bestaat-niet/")
    body = response.content.decode()
    assert response.status_code == 404
    assert "Using the URLconf" not in body and "Page not found" not in body
    assert "Almelo Sociaal" in body


@override_settings(DEBUG=True, FRIENDLY_ERROR_PAGES=True, ROOT_URLCONF=__name__)
def test_failure_is_the_friendly_500_without_a_traceback(make_user):
    browser = Client(raise_request_exception=False)
    browser.force_login(make_user("coach"))
    response = browser.get("/kapot/")
    body = response.content.decode()
    assert response.status_code == 500
    assert "Traceback" not in body and "kapot" not in body


@override_settings(DEBUG=True, FRIENDLY_ERROR_PAGES=False)
def test_without_the_setting_debug_keeps_the_debug_page(client, make_user):
    client.force_login(make_user("coach"))
    assert "Using the URLconf" in client.get("/bestaat-niet/").content.decode()
