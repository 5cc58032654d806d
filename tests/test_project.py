"""The maintainers' facts (mkdocs.yml extra.project): a publishing build refuses to run without them
or without the site's address; nothing is guessed."""

from __future__ import annotations

import importlib.util
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from conftest import REPO
from factcheck.site.project import SETTINGS, UnsetSettings, missing, require_for_publishing

pytestmark = pytest.mark.unit

FILLED = {key: f"{key} as the maintainers give it" for key in SETTINGS}


def _hook():
    spec = importlib.util.spec_from_file_location("mkdocs_hooks", REPO / "scripts/mkdocs_hooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_blank_settings_count_as_missing():
    assert missing(None) == list(SETTINGS)
    assert missing({**FILLED, "funding": "  ", "contact": None}) == ["funding", "contact"]
    assert missing(FILLED) == []


def test_publishing_needs_every_setting_and_the_site_address():
    require_for_publishing(FILLED, "https://example.org/")
    with pytest.raises(UnsetSettings, match=r"extra\.project\.contact.*SITE_URL"):
        require_for_publishing({**FILLED, "contact": ""}, "")


def test_the_publishing_build_stops_before_generating(monkeypatch, tmp_path):
    monkeypatch.setenv("FACTCHECK_PUBLISH", "1")
    config = SimpleNamespace(
        extra={"project": FILLED}, site_url="", config_file_path=str(tmp_path / "mkdocs.yml"), docs_dir=str(tmp_path)
    )
    with pytest.raises(PluginError, match="SITE_URL"):
        _hook().on_pre_build(config)
    assert list(tmp_path.iterdir()) == []  # nothing generated
