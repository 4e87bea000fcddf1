"""Vietnamese HS descriptions from Viet Nam's nomenclature (Circular 31/2022/TT-BTC)."""

from __future__ import annotations

from lienket import refdata


def test_every_hs2022_subheading_has_a_vietnamese_line():
    vi = refdata.hs_vi("HS2022")
    six = [c for c, h in refdata.hs_codes("HS2022").items() if h.level == 6]
    assert len(six) > 5600
    missing = [c for c in six if c not in vi]
    assert missing == [] or missing == ["999999"], missing[:10]
    assert vi["271600"].text.startswith("Năng lượng điện")
    assert vi["090111"].lang == "vi"


def test_a_line_that_reads_only_other_gets_its_path():
    vi = refdata.hs_vi("HS2022")
    # 0101.29 reads "Loại khác" in the Circular; alone it says nothing
    assert vi["010129"].text == "Ngựa, lừa, la sống > Ngựa > Loại khác"
    assert not any(t.text.lower().strip(" -:") == "loại khác" for t in vi.values())


def test_hs2017_codes_take_the_line_of_their_hs2022_code():
    vi = refdata.hs_vi("HS2017")
    codes = refdata.hs_codes("HS2017")
    six = [c for c, h in codes.items() if h.level == 6]
    assert sum(c in vi for c in six) / len(six) > 0.99
    assert vi["400122"].text == refdata.hs_vi("HS2022")["400122"].text
    # a code the 2022 edition split: its text is the lines of every code mapped back to it
    split = [t for t in vi.values() if t.derivation.startswith("HS2022 lines")]
    assert split and all(t.text for t in split)
    # chapters and headings of the same number
    assert vi["40"].text.startswith("Cao su")


def test_a_lao_reader_gets_english_marked_as_english():
    found = refdata.hs_text("350790", "HS2017", "lo")  # enzymes: no Lao name bundled
    assert found is not None and found.lang == "en"
    # a heading the two countries trade most has a plain Lao name (issue 26), for its
    # subheadings too, and says where it came from
    rubber = refdata.hs_text("400122", "HS2017", "lo")
    assert rubber.lang == "lo" and rubber.text == refdata.lao_names()["4001"]
    assert rubber.derivation == "heading"
    assert all(c in refdata.hs_codes("HS2017") for c in refdata.lao_names())
    assert refdata.hs_text("400122", "HS2017", "vi").lang == "vi"
    assert (
        refdata.hs_text("400122", "HS2017", "en").text
        == refdata.hs_codes("HS2017")["400122"].description
    )


def test_sections_in_two_languages():
    sections = refdata.hs_sections()
    assert len(sections) == 21
    assert sections["I"].vi == "Động vật sống; các sản phẩm từ động vật"
    assert sections["VII"].en.lower().startswith("plastics")


def test_vietnamese_provinces_have_lao_names():
    for (country, code), p in refdata.provinces().items():
        if country == "VNM":
            assert p.names.lo and any("\u0e80" <= ch <= "\u0eff" for ch in p.names.lo), code
    assert refdata.province("VNM", "01").names.lo == "ຮ່າໂນ້ຍ"
