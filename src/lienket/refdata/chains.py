"""The priority value chains and the HS codes that define their stages."""

from __future__ import annotations

from functools import cache, lru_cache

from lienket.refdata.base import (
    Chain,
    ChainProduct,
    Names,
    rows,
)


@cache
def chains() -> dict[str, Chain]:
    """The MoU's priority value chains by code."""
    return {
        r["code"]: Chain(
            r["code"], Names(r["name_en"], r["name_vi"], r["name_lo"]), tuple(r["stages"].split())
        )
        for r in rows("chains.csv")
    }


@cache
def chain_products() -> tuple[ChainProduct, ...]:
    """HS2022 codes that define each chain's stages."""
    return tuple(
        ChainProduct(r["chain"], r["stage"], r["hs"], r["note"]) for r in rows("chain_products.csv")
    )


@lru_cache(maxsize=16_384)  # HS6 has about 5,600 codes: every one fits, and nothing else
def chains_of_hs(hs6: str) -> frozenset[str]:
    """Codes of the chains whose HS prefixes cover the 6-digit code ``hs6``."""
    return frozenset(p.chain for p in chain_products() if hs6.startswith(p.hs))
