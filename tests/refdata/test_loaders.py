"""Every loader against its file, and the alias table of real-world province spellings."""

from pathlib import Path

import pytest

from lienket import refdata
from lienket.refdata.check import run_checks


def test_every_cross_file_check_passes():
    assert {name: problems for name, problems in run_checks().items() if problems} == {}


def test_countries_carry_iso_codes_and_three_languages():
    lao = refdata.countries()["LAO"]
    assert (lao.iso2, lao.m49) == ("LA", "418")
    assert refdata.countries()["VNM"].names.lo == "ຫວຽດນາມ"
    assert len(refdata.countries()) == 249


def test_provinces_are_the_34_vietnamese_units_of_2025_and_18_lao():
    vn = [p for (c, _), p in refdata.provinces().items() if c == "VNM"]
    la = [p for (c, _), p in refdata.provinces().items() if c == "LAO"]
    assert (len(vn), len(la)) == (34, 18)
    assert refdata.provinces()[("LAO", "LA-VT")].names.lo == "ນະຄອນຫຼວງວຽງຈັນ"
    assert {f.new_code for f in refdata.former_provinces()} == {p.code for p in vn}


def test_hs_editions_keep_leading_zeros_and_stages():
    hs22 = refdata.hs_codes("HS2022")
    assert hs22["010121"].parent == "0101" and hs22["0101"].parent == "01"
    assert sum(1 for c in hs22.values() if c.level == 6) == 5613
    assert sum(1 for c in refdata.hs_codes("HS2017").values() if c.level == 6) == 5388
    assert hs22["260111"].stage == "primary"  # iron ores: BEC 21
    assert hs22["252329"].stage == "intermediate"  # portland cement: BEC 22
    with pytest.raises(KeyError):
        refdata.hs_codes("HS1992")


def test_chains_cover_the_mou_priorities_with_products():
    assert len(refdata.chains()) == 9
    assert refdata.chains_of_hs("252329") == {"materials"}
    assert "textiles" in refdata.chains_of_hs("620342")
    assert all(any(p.chain == c for p in refdata.chain_products()) for c in refdata.chains())


def test_places_have_sources_and_unverified_rows_are_marked():
    gates = refdata.border_gates()
    assert len(gates) == 12
    assert {g.verified for g in gates} == {"true", "partial", "false"}
    ports = {p.code: p for p in refdata.seaports()}
    assert ports["haiphong"].verified and not ports["vungang"].verified
    pilot = next(z for z in refdata.zones() if z.kind == "pilot_vn_la_park")
    assert pilot.latitude is None and pilot.status == "planned"


def _aliases():
    path = Path(__file__).with_name("province_aliases.tsv")
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            country, text, code, former = (line.split("\t") + [""])[:4]
            yield pytest.param(country, text, code, former, id=f"{country}-{text}")


@pytest.mark.parametrize(("country", "text", "code", "former"), list(_aliases()))
def test_it_resolves_real_world_province_spellings(country, text, code, former):
    found = refdata.resolve_province(country, text)
    assert found is not None
    assert (found[0].code, found[1]) == (code, former)


def test_it_does_not_resolve_a_province_of_the_other_country():
    assert refdata.resolve_province("LAO", "Hà Tĩnh") is None
    assert refdata.resolve_province("VNM", "Atlantis") is None
