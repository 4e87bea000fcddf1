"""The computational core of lienket: plain Python, no Django (checked by import-linter)."""
