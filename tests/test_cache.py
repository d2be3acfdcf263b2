"""The parsed-rules and stopword cache (factcheck/cache.py): a second run reads what the
first stored, an edit is seen at once, and a cache that cannot be used costs only the parse."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck import cache, rules
from factcheck.errors import InputError

RULE = """\
rules:
  - id: house-total
    title: two totals
    languages: all
    pattern:
      - {fig: money, as: a}
    with:
      b: {fig: money, in: document, position: before, anchor: a, pick: nearest}
    check: {stated: bare(a), relation: "==", expected: bare(b)}
    message: "{a} against {b}"
"""

def _entries(kind: str) -> list[Path]:
    return sorted(cache._folder().glob(f"{kind}-*.pickle"))


def _load(folder: Path) -> tuple[rules.Rule, ...]:
    rules._load_cached.cache_clear()  # as a new process would: only the disk cache is left
    return rules.load([str(folder)], builtin=False)


def test_second_load_reads_the_stored_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "house.yaml").write_text(RULE, encoding="utf-8")
    first = _load(tmp_path)
    assert [r.id for r in first] == ["house-total"] and len(_entries("rules")) == 1

    def no_parse(paths: tuple[str, ...]) -> tuple[rules.Rule, ...]:
        raise AssertionError("parsed again")
    monkeypatch.setattr(rules, "_parse_all", no_parse)
    assert _load(tmp_path) == first


def test_an_edited_rule_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / "house.yaml"
    path.write_text(RULE, encoding="utf-8")
    assert _load(tmp_path)[0].title == "two totals"
    path.write_text(RULE.replace("two totals", "the totals differ"), encoding="utf-8")
    assert _load(tmp_path)[0].title == "the totals differ"
    assert len(_entries("rules")) == 2


def test_a_malformed_rule_is_reported_and_not_stored(tmp_path: Path) -> None:
    (tmp_path / "house.yaml").write_text(RULE.replace('relation: "=="', 'relation: "=~"'), encoding="utf-8")
    for _ in range(2):  # the second time too: nothing was stored that would hide it
        with pytest.raises(InputError, match=r"house\.yaml:9: .*field 'check\.relation'"):
            _load(tmp_path)
    assert _entries("rules") == []


def test_a_broken_entry_is_rebuilt(tmp_path: Path) -> None:
    (tmp_path / "house.yaml").write_text(RULE, encoding="utf-8")
    first = _load(tmp_path)
    [entry] = _entries("rules")
    entry.write_bytes(b"not a pickle")
    assert _load(tmp_path) == first
    entry.write_bytes(b"\x80\x05N.")  # a pickle of None: readable, of the wrong shape
    assert _load(tmp_path) == first


def test_an_unwritable_cache_costs_only_the_parse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # the cache folder cannot be made
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "house.yaml").write_text(RULE, encoding="utf-8")
    assert [r.id for r in _load(folder)] == ["house-total"]


def test_turned_off_stores_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.OFF_ENV, "1")
    (tmp_path / "house.yaml").write_text(RULE, encoding="utf-8")
    assert [r.id for r in _load(tmp_path)] == ["house-total"]
    assert not cache._folder().exists() or _entries("rules") == []


def test_old_entries_are_removed(tmp_path: Path) -> None:
    path = tmp_path / "house.yaml"
    for n in range(cache.ENTRIES + 3):
        path.write_text(RULE.replace("two totals", f"edit {n}"), encoding="utf-8")
        _load(tmp_path)
        for entry in _entries("rules"):  # each write ages the others by a second: mtimes tell the order
            os.utime(entry, (entry.stat().st_mtime - 1, entry.stat().st_mtime - 1))
    assert len(_entries("rules")) == cache.ENTRIES


def test_a_run_after_the_first_reports_the_same(tmp_path: Path) -> None:
    """Two processes on one cache folder: the first builds and stores, the second reads;
    the reports are the same, and a lexicon of one's own is keyed too."""
    article = tmp_path / "a.txt"
    article.write_text("Umsatz: 200 Milliarden Yuan (25,8 Milliarden Euro).\n", encoding="utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "NO_COLOR": "1", "COLUMNS": "100"}
    run = [sys.executable, "-m", "factcheck", str(article), "--date", "2020-04-20", "--format", "json"]
    first = subprocess.run(run, capture_output=True, text=True, env=env, check=False)
    stored = sorted(p.name.split("-")[0] for p in (tmp_path / "cache").rglob("*.pickle"))
    second = subprocess.run(run, capture_output=True, text=True, env=env, check=False)
    assert first.returncode == second.returncode == 0, first.stderr
    assert stored == ["rules", "stopwords"]
    assert first.stdout == second.stdout and '"approximate"' in first.stdout
