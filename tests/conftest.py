"""Shared fixtures. Tests never reach the network: rates come from the embedded ECB data."""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from factcheck.checks import check_text
from factcheck.model import Finding
from factcheck.rules import load

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "alibaba-cloud-fr.txt"


@pytest.fixture
def seed_text() -> str:
    if not SEED.is_file():
        pytest.skip("../shared/seed is absent")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep a user's downloaded rates out of the tests: the embedded data is the reference."""
    cache = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    monkeypatch.delenv("FACTCHECK_RULES", raising=False)
    monkeypatch.delenv("FACTCHECK_LEXICONS", raising=False)


@pytest.fixture
def house(tmp_path: Path) -> Callable[..., list[Finding]]:
    """``house(source, text, language=None)``: the findings of the rules written in ``source``
    alone (no built-in rule) on ``text``, as a newsroom's own rule file gives them. Each source
    is saved in a folder of its own, since rules load once per path."""
    def run(source: str, text: str, language: str | None = None) -> list[Finding]:
        folder = tmp_path / f"rules-{hashlib.sha1(source.encode()).hexdigest()[:12]}"
        folder.mkdir(exist_ok=True)
        (folder / "house.yaml").write_text(source, encoding="utf-8")
        return list(check_text(text, language=language, rules=load([str(folder)], builtin=False)).findings)
    return run
