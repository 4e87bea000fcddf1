"""Trade statistics: ingest into a Parquet store, query with DuckDB, compute indicators.

- :mod:`.readers` and :mod:`.store` — UN Comtrade, CEPII BACI and customs files in, checked and
  converted to one HS edition, Parquet out.
- :mod:`.indicators` — bilateral turnover, growth, target tracking, mirror gaps, trade
  complementarity, intensity and similarity, untapped potential.
- :mod:`.complexity` — RCA, Mcp, diversity, ubiquity, ECI, PCI, proximity, density, COI, COG.
- :mod:`.evidence` — the same numbers along the MoU's priority chains.
"""
