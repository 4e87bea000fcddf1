"""The periodic report to the two ministers, in Vietnamese, Lao and English, as PDF, DOCX and
HTML, built from everything lienket knows and reproducible from a stated data snapshot."""
