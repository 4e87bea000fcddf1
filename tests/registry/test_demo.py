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


def test_the_demo_firms_have_plausible_sizes(zones):
    """Issue 26, part 6: a 7-person cement firm sold USD 2.9 M a year. Revenue now follows the
    workforce and the sector (``REVENUE_PER_WORKER_USD``, with a spread), and a capacity in
    tonnes follows the revenue, written in the firm's own language."""
    from lienket.registry import demo

    load_demo()
    firms = list(Enterprise.objects.exclude(employees=None).exclude(annual_revenue=None))
    assert len(firms) > 300
    for e in firms:
        usd = float(e.annual_revenue) / demo.DEMO_RATE[e.country]
        per_worker = usd / e.employees
        typical = demo.REVENUE_PER_WORKER_USD[e.country][e.sector]
        assert typical / 4 < per_worker < typical * 4, (e.name_en, e.employees, usd)
        if e.employees < 10:
            assert usd < 1_000_000 or e.sector == "trade", (e.name_en, usd)
        if e.capacity:
            assert e.capacity.endswith(demo.TONNES_A_YEAR[e.country]), e.capacity
            tonnes = int(e.capacity.split()[0])
            assert tonnes * 300 < usd < tonnes * 5000, (e.capacity, usd)  # USD 350-2,500 a tonne
    lao = [float(e.annual_revenue) / demo.DEMO_RATE["LAO"] / e.employees for e in firms
           if e.country == "LAO" and e.sector == "industry"]  # fmt: skip
    vn = [float(e.annual_revenue) / demo.DEMO_RATE["VNM"] / e.employees for e in firms
          if e.country == "VNM" and e.sector == "industry"]  # fmt: skip
    assert sorted(lao)[len(lao) // 2] < sorted(vn)[len(vn) // 2]  # a Lao worker's output is less
