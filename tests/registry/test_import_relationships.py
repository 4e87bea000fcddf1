import io

import pytest

from lienket.engine.errors import DataError
from lienket.registry.importers import import_relationships
from lienket.registry.models import Relationship

HEADER = (
    "supplier_country,supplier_tax_id,buyer_country,buyer_tax_id,hs_code,annual_value_usd,since\n"
)


def rel_file(*lines: str) -> io.BytesIO:
    return io.BytesIO((HEADER + "\n".join(lines) + "\n").encode())


def test_it_imports_relationships_by_tax_id(registry, steward):
    result = import_relationships(
        rel_file("LAO,123456789013,VNM,0101234567,0901,1000,2020"), "links.csv", steward
    )
    assert result.created == 1
    rel = Relationship.objects.get(hs_code="0901")
    assert (rel.supplier, rel.buyer, rel.since) == (registry["cafe"], registry["vn"], 2020)


@pytest.mark.parametrize(
    ("line", "column", "fragment"),
    [
        ("LAO,000000000000,VNM,0101234567,,,", "supplier_tax_id", "no registered enterprise"),
        ("LAO,123456789012,LAO,123456789012,,,", "buyer_tax_id", "same enterprise"),
        ("LAO,123456789012,VNM,0101234567,2521,,", "hs_code", "already registered"),
        ("LAO,123456789013,VNM,0101234567,0901,,1850", "since", "not a year"),
    ],
)
def test_it_rejects_bad_relationships_and_saves_none(registry, steward, line, column, fragment):
    good = "LAO,123456789013,VNM,0101234567,0901,1000,2020"
    with pytest.raises(DataError) as exc:
        import_relationships(rel_file(good, line), "links.csv", steward)
    assert Relationship.objects.count() == 1
    error = next(e for e in exc.value.errors if e.field == column)
    assert error.row == 3 and fragment in error.text()
