"""Read queries shared by pages, the API and exports."""

from __future__ import annotations

from collections.abc import Mapping

from django.db.models import Count, F, Q, QuerySet

from lienket import refdata
from lienket.engine.text import words
from lienket.registry.models import Enterprise, Relationship


def has_word(field: str, word: str) -> Q:
    """``field`` (space-separated words) contains ``word`` as a whole word."""
    return (
        Q(**{field: word})
        | Q(**{f"{field}__startswith": f"{word} "})
        | Q(**{f"{field}__endswith": f" {word}"})
        | Q(**{f"{field}__contains": f" {word} "})
    )


def filter_enterprises(params: Mapping[str, str]) -> QuerySet[Enterprise]:
    """Enterprises matching the list page's filters; unknown values simply match nothing."""
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
        # search_text is " word word ... ": a leading space anchors the match at a word start.
        qs = qs.filter(search_text__contains=f" {w}")
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
