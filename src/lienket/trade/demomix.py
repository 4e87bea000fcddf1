"""The product mix of the demo's fictional Viet Nam - Lao flows, from real figures.

Each direction's mix is built in three parts, all stated here:

1. the product groups the published releases name (``published_vn_la``: Viet Nam's customs
   for January-October 2022 — fuel, iron and steel, machinery, fertiliser, fruit and vegetables
   to Laos; rubber, fertiliser, wood, ores from Laos) keep their published share of the flow,
   spread over the HS headings of each group by the exporter's real 2017 exports to the world;
2. the goods the two governments name as the pair's trade but no release quantifies
   (``NAMED``: Lao electricity and coal sold to Viet Nam, copper, cassava, bananas) take
   ``NAMED_SHARE`` of the flow between them;
3. the rest follows the exporter's real 2017 exports to the world by heading (Open Trade
   Statistics), without the unspecified heading 9999 and with no heading above ``CAP`` of the
   rest, so that a world best-seller (Viet Nam's telephones) does not pass for the pair's trade.

The result is a fictional flow with a plausible structure; it is marked fictional wherever it
is stored or shown.
"""

from __future__ import annotations

from collections.abc import Mapping

from lienket import refdata

#: the HS headings of each published product group
GROUPS = {
    "fuel": ("2710", "2711"),
    "iron and steel": ("7208", "7209", "7210", "7213", "7214", "7216", "7306"),
    "machinery and spare parts": ("8413", "8418", "8429", "8431", "8474", "8483", "8501"),
    "fertiliser": ("3102", "3104", "3105"),
    "fruit and vegetables": ("0709", "0804", "0805", "0807", "0810"),
    "rubber": ("4001",),
    "wood and wood products": ("4403", "4407", "4409", "9403"),
    "ores and other minerals": ("2603", "2606", "2608", "2616"),
}
#: goods of the pair's trade that the sources name without a figure: electricity and coal are
#: what Viet Nam buys from Laos under the power agreements (see the power projects), copper,
#: cassava and bananas the Lao side's main farm and mine goods to Viet Nam
NAMED = {
    ("LAO", "VNM"): ("2716", "2701", "7403", "0714", "0803"),
    ("VNM", "LAO"): ("8701", "8704", "2523", "1006"),
}
NAMED_SHARE = 0.25
CAP = 0.03


def _published_groups(exporter: str, importer: str) -> dict[str, float]:
    """Each named group's share of the flow, from the latest release that splits it."""
    flows: dict[str, dict[str, float]] = {}
    wanted = {(exporter, f"export_to_{importer}"), (importer, f"import_from_{exporter}")}
    for f in refdata.published_trade():
        if (f.reporter, f.flow) in wanted:
            flows.setdefault(f.period, {})[f.product_group] = f.value_usd_million
    split = [(p, g) for p, g in flows.items() if "TOTAL" in g and len(g) > 1]
    if not split:
        return {}
    _period, groups = max(split)
    total = groups["TOTAL"]
    return {k: v / total for k, v in groups.items() if k != "TOTAL" and k in GROUPS}


def pair_mix(exporter: str, importer: str, world: Mapping[str, float]) -> dict[str, float]:
    """HS4 heading → share of the exporter's flow to the importer (see the module's note);
    ``world`` is the exporter's real exports to the world by heading, as shares."""
    out: dict[str, float] = {}
    groups = _published_groups(exporter, importer)
    for group, share in groups.items():
        headings = GROUPS[group]
        weights = {h: world.get(h, 0.0) + 1e-4 for h in headings}
        whole = sum(weights.values())
        for h, w in weights.items():
            out[h] = out.get(h, 0.0) + share * w / whole
    named = NAMED.get((exporter, importer), ())
    for h in named:
        out[h] = out.get(h, 0.0) + NAMED_SHARE / len(named)
    rest = max(0.0, 1.0 - sum(out.values()))
    taken = set(out)
    others = {h: v for h, v in world.items() if h != "9999" and h not in taken}
    whole = sum(others.values()) or 1.0
    capped = {h: min(v / whole, CAP) for h, v in others.items()}
    scale = sum(capped.values()) or 1.0
    for h, v in capped.items():
        out[h] = rest * v / scale
    return out
