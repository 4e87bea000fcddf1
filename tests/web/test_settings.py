import re
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from lienket.web import env

ROOT = Path(__file__).resolve().parents[2]


def test_every_setting_read_from_the_environment_is_documented():
    source = (ROOT / "src/lienket/web/settings.py").read_text()
    names = set(re.findall(r'env_\w+\("([A-Z_]+)"', source))
    documented = (ROOT / "docs/settings.md").read_text()
    assert names, "no settings found: the pattern no longer matches settings.py"
    assert {n for n in names if f"`{n}`" not in documented} == set()


@pytest.mark.parametrize("value", ["maybe", "2", "Y E S"])
def test_it_refuses_a_malformed_boolean(monkeypatch, value):
    monkeypatch.setenv("LIENKET_X", value)
    with pytest.raises(ImproperlyConfigured, match="LIENKET_X"):
        env.env_bool("LIENKET_X", False)


def test_it_refuses_a_malformed_integer(monkeypatch):
    monkeypatch.setenv("LIENKET_N", "ten")
    with pytest.raises(ImproperlyConfigured, match="LIENKET_N"):
        env.env_int("LIENKET_N", 1)


def test_it_generates_a_secret_once_and_keeps_it(tmp_path, monkeypatch):
    monkeypatch.delenv("LIENKET_S", raising=False)
    store = tmp_path / "secret"
    first = env.env_secret("LIENKET_S", store)
    assert len(first) > 40 and env.env_secret("LIENKET_S", store) == first
