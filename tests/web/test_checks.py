import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError


def test_the_system_checks_pass_with_the_default_configuration():
    call_command("check", fail_level="WARNING")


@pytest.mark.parametrize(
    ("pair", "error"), [(["VNM", "XXX"], "lienket.E002"), (["VNM", "VNM"], "lienket.E001")]
)
def test_a_bad_country_pair_stops_start_up(settings, pair, error):
    settings.LIENKET_COUNTRIES = pair
    with pytest.raises(SystemCheckError, match=error):
        call_command("check")


def test_the_openapi_document_describes_the_filters(client, db):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    params = {p["name"] for p in schema["paths"]["/api/enterprises/"]["get"]["parameters"]}
    assert {"country", "chain", "stage", "q"} <= params
