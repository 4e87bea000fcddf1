"""The floors of ADR 0001, machine-checked (issue 25): import-linter's contracts (the engine is a
plain library; a lower floor never imports a higher one, not even inside a function), and no
import inside a function that reaches into another lienket package. Both fail on a planted
back-import."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "lienket"
LINT = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))

#: packages whose functions may import other lienket packages, and why
LAZY_ALLOWED = {
    # the command line imports Django apps only after django.setup() has run in the command,
    # so that `lienket refdata check` and `--help` work without settings
    "cli",
}


def _lint(cwd: Path, *env_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": ":".join(map(str, env_path))} if env_path else None
    return subprocess.run([LINT, "--no-cache"], cwd=cwd, capture_output=True, text=True,
                          check=False, env=env)  # fmt: skip


def hidden_imports(path: Path, package: str, source: str | None = None) -> list[str]:
    """Imports of another lienket package placed inside a function of ``path``."""
    tree = ast.parse(source if source is not None else path.read_text())
    found = []
    for fn in ast.walk(tree):
        if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for node in ast.walk(fn):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                parts = node.module.split(".")
                if parts[0] == "lienket":
                    names = [parts[1] if len(parts) > 1 else a.name for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name.split(".")[1] for a in node.names if a.name.startswith("lienket.")]
            found += [f"{path}:{node.lineno} imports lienket.{n}" for n in names if n != package]
    return found


def test_import_contracts_hold():
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "floors: a lower floor never imports a higher one KEPT" in result.stdout
    assert "BROKEN" not in result.stdout


def test_no_function_imports_another_lienket_package():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        package = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
        if "migrations" in path.parts or package in LAZY_ALLOWED:
            continue
        found += hidden_imports(path, package)
    assert found == [], "import at the top of the module, or pass it in:\n" + "\n".join(found)


def test_a_planted_back_import_is_caught_by_both(tmp_path):
    planted = "def helper():\n    from lienket.web import settings\n    return settings\n"
    assert hidden_imports(PACKAGE / "engine" / "x.py", "engine", planted)
    copy = tmp_path / "src"
    shutil.copytree(PACKAGE, copy / "lienket", ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "lienket" / "engine" / "planted.py").write_text(planted)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    result = _lint(tmp_path, copy)
    assert result.returncode != 0 and "lienket.engine.planted" in result.stdout
