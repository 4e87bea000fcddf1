"""Bundled reference data and typed loaders (no Django).

Every CSV under ``data/`` is read as text so that codes keep their leading zeros; each file's
source is in ``SOURCES.md`` beside this module. Loaders are cached: the files never change while
the process runs.
"""

from lienket.engine.vocabulary import STAGES, stage_words
from lienket.refdata.base import (
    BEC_STAGES,
    HS_EDITIONS,
    LANGUAGES,
    BorderGate,
    Chain,
    ChainProduct,
    Country,
    FormerProvince,
    HsCode,
    Names,
    Province,
    Seaport,
    TaxIdFormat,
    Zone,
    rows,
)
from lienket.refdata.chains import (
    chain_products,
    chains,
    chains_of_hs,
)
from lienket.refdata.figures import (
    PublishedFigure,
    SectorIndicator,
    adb_sector_indicators,
    published_trade,
)
from lienket.refdata.geography import (
    border_gates,
    seaports,
    zones,
)
from lienket.refdata.hs import (
    OTHER_VI,
    HsText,
    hs_codes,
    hs_concordance,
    hs_sections,
    hs_text,
    hs_vi,
    hs_vi_2022,
)
from lienket.refdata.inputs import (
    InputRequirement,
    concepts_of,
    input_requirements,
    product_glossary,
    trade_reference,
)
from lienket.refdata.maps import (
    ProvinceGeo,
    data_file,
    logistics_network,
    map_outlines,
    place_name,
    province_geo,
)
from lienket.refdata.places import (
    LAO_PROVINCE_WORDS,
    PlaceVariant,
    countries,
    former_provinces,
    place_variants,
    province,
    provinces,
    provinces_of,
    resolve_country,
    resolve_province,
)
from lienket.refdata.rules import (
    chain_stages_of_hs6,
    sme_rules,
    tax_id_formats,
)

__all__ = [
    "BEC_STAGES",
    "HS_EDITIONS",
    "LANGUAGES",
    "LAO_PROVINCE_WORDS",
    "OTHER_VI",
    "STAGES",
    "BorderGate",
    "Chain",
    "ChainProduct",
    "Country",
    "FormerProvince",
    "HsCode",
    "HsText",
    "InputRequirement",
    "Names",
    "PlaceVariant",
    "Province",
    "ProvinceGeo",
    "PublishedFigure",
    "Seaport",
    "SectorIndicator",
    "TaxIdFormat",
    "Zone",
    "adb_sector_indicators",
    "border_gates",
    "chain_products",
    "chain_stages_of_hs6",
    "chains",
    "chains_of_hs",
    "concepts_of",
    "countries",
    "data_file",
    "former_provinces",
    "hs_codes",
    "hs_concordance",
    "hs_sections",
    "hs_text",
    "hs_vi",
    "hs_vi_2022",
    "input_requirements",
    "logistics_network",
    "map_outlines",
    "place_name",
    "place_variants",
    "product_glossary",
    "province",
    "province_geo",
    "provinces",
    "provinces_of",
    "published_trade",
    "resolve_country",
    "resolve_province",
    "rows",
    "seaports",
    "sme_rules",
    "stage_words",
    "tax_id_formats",
    "trade_reference",
    "zones",
]
