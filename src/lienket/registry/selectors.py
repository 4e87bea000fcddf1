"""Read queries shared by pages, the API and exports."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import Count, F, Q, QuerySet

from lienket import refdata
from lienket.core import roles
from lienket.engine import collation
from lienket.engine.text import words
from lienket.registry.models import Disclosure, Enterprise, Relationship


def has_word(field: str, word: str) -> Q:
    """``field`` (space-separated words) contains ``word`` as a whole word."""
    return (
        Q(**{field: word})
        | Q(**{f"{field}__startswith": f"{word} "})
        | Q(**{f"{field}__endswith": f" {word}"})
        | Q(**{f"{field}__contains": f" {word} "})
    )


def filter_enterprises(
    params: Mapping[str, str], visible: set[int] | None = None
) -> QuerySet[Enterprise]:
    """Enterprises matching the list page's filters; unknown values simply match nothing.

    ``visible`` is the set of firms whose private fields the reader sees (``None``: all, see
    :func:`private_visible`): a word of ``q`` matches a name, or the tax id of a visible firm
    only, so that no answer depends on a field the reader cannot see (issue 24).
    """
    qs = Enterprise.objects.select_related("zone")
    if v := params.get("country"):
        qs = qs.filter(country=v)
    if v := params.get("province"):
        qs = qs.filter(province_code=v)
    if v := params.get("zone"):
        qs = qs.filter(zone__code=v)
    if v := params.get("chain"):
        qs = qs.filter(has_word("chains", v))
    if v := params.get("stage"):
        qs = qs.filter(has_word("stages", v))
    if v := params.get("size"):
        qs = qs.filter(size_class=v)
    if v := params.get("fictional"):
        qs = qs.filter(fictional=v == "yes")
    for w in words(params.get("q", ""))[:8]:
        # search_text is " word word ... " of the names: a leading space anchors the match at a
        # word start; the tax id (private) is matched only where the reader may see it
        tax = Q(tax_id__istartswith=w)
        if visible is not None:
            tax &= Q(pk__in=sorted(visible))
        qs = qs.filter(Q(search_text__contains=f" {w}") | tax)
    return qs


def filter_relationships(params: Mapping[str, str]) -> QuerySet[Relationship]:
    """Relationships with both parties; ``cross=yes`` keeps those across the border."""
    qs = Relationship.objects.select_related("supplier", "buyer")
    if params.get("cross") == "yes":
        qs = qs.exclude(supplier__country=F("buyer__country"))
    return qs


def public_summary() -> dict[str, object]:
    """Published aggregates that anonymous visitors may see (no firm-level data)."""
    by_country = dict(Enterprise.objects.values_list("country").annotate(n=Count("pk")))
    total = sum(by_country.values())
    return {
        "enterprises_by_country": by_country,
        "enterprises": total,
        "enterprises_by_chain": {
            code: Enterprise.objects.filter(has_word("chains", code)).count()
            for code in refdata.chains()
        },
        "relationships": Relationship.objects.count(),
        "cross_border_relationships": filter_relationships({"cross": "yes"}).count(),
        "fictional_share": Enterprise.objects.filter(fictional=True).count() / max(1, total),
    }


def disclosed_to(firm: int) -> list[int]:
    """The firms that disclosed their private fields to ``firm`` while ``firm`` disclosed its
    own to them: consent on both sides (issue 24)."""
    given = Disclosure.objects.filter(firm_id=firm).values("to_id")
    return list(
        Disclosure.objects.filter(to_id=firm, firm_id__in=given).values_list("firm_id", flat=True)
    )


def private_visible(user: Any) -> set[int] | None:
    """The firms whose private fields ``user`` sees (``None``: all): ``roles.PRIVATE_FIELDS``."""
    return roles.private_visible(user, disclosed_to)


def sees_private(user: Any, enterprise: Enterprise) -> bool:
    return roles.sees_private(user, enterprise, disclosed_to)


def consents(firm: Enterprise, other: Enterprise) -> tuple[bool, bool]:
    """(``firm`` consented to disclose to ``other``, ``other`` consented to ``firm``)."""
    pairs = set(
        Disclosure.objects.filter(Q(firm=firm, to=other) | Q(firm=other, to=firm)).values_list(
            "firm_id", "to_id"
        )
    )
    return (firm.pk, other.pk) in pairs, (other.pk, firm.pk) in pairs


def registry_is_empty() -> bool:
    return not Enterprise.objects.exists()


def in_reader_order(qs: QuerySet[Enterprise], lang: str) -> list[int]:
    """The firms' ids by country, then by the name the reader sees in the reader's alphabet
    (CLDR collation: Đ after D in Vietnamese, Lao words under their consonant)."""
    found = list(qs.values_list("pk", "country", "name_vi", "name_lo", "name_en"))
    order = [lang[:2], "en", "vi", "lo"]

    def shown(row: tuple[int, str, str, str, str]) -> str:
        names = {"vi": row[2], "lo": row[3], "en": row[4]}
        return next((names[c] for c in order if names.get(c)), "")

    by_country: dict[str, list[tuple[int, str, str, str, str]]] = {}
    for row in found:
        by_country.setdefault(row[1], []).append(row)
    out: list[int] = []
    for country in sorted(by_country):
        out += [row[0] for row in collation.sorted_by(by_country[country], shown, lang)]
    return out
