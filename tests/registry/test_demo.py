"""The demo registry: about 400 fictional firms and 300 relationships, loaded once."""

from django.db.models import F

from lienket import refdata
from lienket.registry.demo import load_demo
from lienket.registry.models import DuplicateFlag, Enterprise, Relationship


def test_the_demo_is_fictional_realistic_and_loaded_once(zones):
    result = load_demo()
    assert result is not None
    assert 380 <= Enterprise.objects.count() <= 420
    assert 280 <= Relationship.objects.count() <= 300
    assert not Enterprise.objects.filter(fictional=False).exists()
    assert not Relationship.objects.filter(fictional=False).exists()
    for chain in refdata.chains():
        assert Enterprise.objects.filter(chains__contains=chain).count() >= 10, chain
    assert set(Enterprise.objects.values_list("country", flat=True)) == {"VNM", "LAO"}
    assert Relationship.objects.exclude(supplier__country=F("buyer__country")).count() >= 150
    assert all(
        refdata.provinces().get((e.country, e.province_code)) for e in Enterprise.objects.all()
    )
    assert DuplicateFlag.objects.count() >= 4
    before = (Enterprise.objects.count(), Relationship.objects.count())
    assert load_demo() is None
    assert (Enterprise.objects.count(), Relationship.objects.count()) == before


def test_the_interface_badges_fictional_records(zones, client_for, reader):
    load_demo()
    client = client_for(reader)
    firm = Enterprise.objects.first()
    assert "badge fictional" in client.get(f"/enterprises/{firm.pk}/").content.decode()
    assert "fictional demo data" in client.get("/").content.decode()
