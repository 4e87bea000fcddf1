"""IATI activity files read and written without Django: schema, codelists, round trip."""

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from lienket.engine.errors import DataError
from lienket.engine.io import iati

FIXTURES = Path(__file__).parents[1] / "fixtures" / "iati"
STANDARD = iati.Standard(
    Path(__file__).parents[2] / "src" / "lienket" / "refdata" / "data" / "iati"
)
GOOD = (FIXTURES / "lao_activities_203.xml").read_bytes()
WHEN = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def _refused(data: bytes, name: str = "f.xml") -> list:
    with pytest.raises(DataError) as exc:
        iati.parse(data, name, STANDARD)
    return exc.value.errors


def test_a_203_file_is_read_with_every_kept_field():
    parsed = iati.parse(GOOD, "lao.xml", STANDARD)
    first, second = parsed.activities
    assert first.identifier == "XM-EXAMPLE-LA-2024-001"
    assert dict(first.titles)["lo"].startswith("ການອຳນວຍ")
    assert dict(first.titles)["vi"] == "Tạo thuận lợi thương mại biên giới Savannakhet"
    assert dict(first.titles)["fr"].startswith("Facilitation")
    assert [o.role for o in first.participating_orgs] == ["1", "4"]
    assert first.countries == (iati.Country("LA", Decimal(100)),)
    assert [(s.code, s.percentage) for s in first.sectors] == [
        ("33120", Decimal(60)),
        ("25010", Decimal(40)),
    ]
    assert dict(first.dates) == {
        "1": date(2024, 1, 15),
        "2": date(2024, 3, 1),
        "3": date(2027, 12, 31),
    }
    # the budget without its own currency takes the activity's
    assert first.budgets[1].currency == "USD" and first.budgets[1].value == Decimal("1500000.50")
    assert first.planned_disbursements[0].receiver.names[0][1].startswith("Ministry")
    assert [t.type for t in first.transactions] == ["2", "3", "3", "4"]
    assert first.transactions[0].description == (("en", "Grant agreement signed"),)
    assert second.currency == "JPY" and [c.code for c in second.countries] == ["LA", "VN"]
    assert first.line == 5 and second.line < len(GOOD.splitlines())


def test_what_is_not_kept_is_named_in_a_notice():
    notices = iati.parse(GOOD, "lao.xml", STANDARD).notices
    named = {n.field for n in notices}
    assert {"result", "location", "contact-info", "default-flow-type"} <= named
    assert all(n.place == "element" for n in notices)


@pytest.mark.parametrize(
    ("sample", "reason"),
    [
        ("worked-example.xml", "starts with <iati-activity>"),
        ("worldbank.xml", "version '1.0'"),
        ("undp_sample.xml", "version '(none)'"),
        ("IATI_xml_dfid_sample.xml", "version '(none)'"),
    ],
)
def test_each_sample_of_the_schema_repository_is_refused_with_its_reason(sample, reason):
    """The schema repository's samples all predate 2.03; each is refused for that reason."""
    errors = _refused((FIXTURES / sample).read_bytes(), sample)
    assert len(errors) == 1
    assert reason in str(errors[0]) and errors[0].file == sample and errors[0].row >= 2


def test_schema_errors_name_line_and_element():
    broken = GOOD.replace(b'<activity-status code="2"/>', b"", 1)
    errors = _refused(broken)
    assert any(
        e.field == "activity-date" and "activity-status" in e.text() and e.row > 5 for e in errors
    )
    assert "line" in str(errors[0]) and "element <" in str(errors[0])


def test_codes_outside_the_codelists_are_refused():
    bad = GOOD.replace(b'<transaction-type code="4"/>', b'<transaction-type code="99"/>')
    bad = bad.replace(b'default-currency="JPY"', b'default-currency="YEN"')
    bad = bad.replace(b'code="33120"', b'code="99999"')
    errors = _refused(bad)
    texts = " | ".join(str(e) for e in errors)
    assert "'99' is not a code of the IATI TransactionType codelist" in texts
    assert "'YEN' is not an ISO 4217 currency code" in texts
    assert "'99999' is not a code of the IATI Sector codelist" in texts


def test_duplicate_identifiers_are_reported_with_both_lines():
    doubled = GOOD.replace(b"XM-EXAMPLE-LA-2025-007", b"XM-EXAMPLE-LA-2024-001")
    errors = _refused(doubled)
    assert len(errors) == 1 and errors[0].field == "iati-identifier"
    assert "XM-EXAMPLE-LA-2024-001" in str(errors[0]) and "line 5" in str(errors[0])


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"<iati-activities version='2.03'><iati-activity>", "not well-formed XML"),
        (
            b'<!DOCTYPE x [<!ENTITY a "aaaa">]><iati-activities version="2.03"/>',
            "DOCTYPE",
        ),
        (GOOD.replace(b'version="2.03"', b'version="1.05"'), "version '1.05'"),
    ],
)
def test_malformed_or_hostile_files_are_refused_whole(data, text):
    assert text in str(_refused(data)[0])


def test_a_value_without_any_currency_is_refused():
    bad = GOOD.replace(b' default-currency="JPY"', b"")
    errors = _refused(bad)
    assert any(e.field == "value" and "no currency" in e.text() for e in errors)


def test_a_202_file_is_read_with_a_notice():
    parsed = iati.parse(GOOD.replace(b'version="2.03"', b'version="2.02"'), "f.xml", STANDARD)
    assert parsed.version == "2.02"
    assert any("read with the 2.03 schema" in str(n) for n in parsed.notices)


def test_read_write_read_keeps_every_field_and_validates():
    parsed = iati.parse(GOOD, "lao.xml", STANDARD)
    out = iati.write(parsed.activities, WHEN, STANDARD, ["a comment -- with dashes"])
    assert STANDARD.validate(etree.fromstring(out).getroottree()) == []
    again = iati.parse(out, "out.xml", STANDARD)
    assert again.activities == parsed.activities
    assert again.version == "2.03"


def test_lienket_attributes_survive_a_round_trip():
    a = iati.parse(GOOD, "lao.xml", STANDARD).activities[1]
    marked = iati.Activity(
        **{
            **{f: getattr(a, f) for f in a.__dataclass_fields__},
            "code": "DEMO-X1",
            "fictional": True,
            "extension": (("sector", "health"),),
        }
    )
    out = iati.write([marked], WHEN, STANDARD)
    assert b'lienket:fictional="true"' in out
    back = iati.parse(out, "out.xml", STANDARD).activities[0]
    assert (back.code, back.fictional, back.extension) == ("DEMO-X1", True, (("sector", "health"),))


def test_a_write_that_would_not_validate_fails_loudly():
    a = iati.parse(GOOD, "lao.xml", STANDARD).activities[1]
    no_org = iati.Activity(**{**{f: getattr(a, f) for f in a.__dataclass_fields__},
                              "participating_orgs": ()})  # fmt: skip
    with pytest.raises(ValueError, match="participating-org"):
        iati.write([no_org], WHEN, STANDARD)
