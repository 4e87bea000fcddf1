"""lienket: plan, run and monitor a cross-border industrial linkage chain (Viet Nam - Lao PDR)."""

__version__ = "0.1.0"
