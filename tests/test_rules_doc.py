"""rules/README.md is the reference of the rule language: every key the loader accepts
and every function an expression may call is documented there, so that a key added to
the engine without a word for the people who write rules fails here."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from factcheck import rules

DOC = Path(__file__).resolve().parent.parent / "rules" / "README.md"


def _documented() -> set[str]:
    """The names the reference writes in code: `key`, `key: …`, `{key: …}`, `fn(…)`."""
    text = re.sub(r"```.*?```", "", DOC.read_text(encoding="utf-8"), flags=re.S)  # the tables and prose, not the samples
    names: set[str] = set()
    for code in re.findall(r"`([^`]+)`", text):
        names.update(re.findall(r"(?:^|[{\s,.])([a-z_]+)(?=\s*:|\s*\(|$)", code))
    return names


@pytest.mark.parametrize("where, keys", [
    ("rule", rules._RULE_KEYS),
    ("slot", rules._SLOT_KEYS),
    ("gap", rules._GAP_KEYS),
    ("collection", rules._COLLECT_KEYS),
    ("pick", rules._PICK_KEYS),
    ("function", rules.FUNCTIONS),
])
def test_every_key_is_documented(where: str, keys: set[str]) -> None:
    missing = sorted(set(keys) - _documented())
    assert not missing, f"{where} keys not in rules/README.md: {', '.join(missing)}"


def test_the_reference_names_no_key_the_loader_refuses() -> None:
    """A key the reference shows in a table row as a rule, slot, collection or pick key must
    be one the loader takes: the reference does not promise what the engine lacks."""
    text = DOC.read_text(encoding="utf-8")
    known = rules._RULE_KEYS | rules._SLOT_KEYS | rules._GAP_KEYS | rules._COLLECT_KEYS | rules._PICK_KEYS | {
        "opt", "any", "not", "opening", "name", "stated", "expected", "relation", "tolerance", "understated", "value", "label"}
    shown = set()
    for row in re.findall(r"^\| `([a-z_.]+)(?::[^`]*)?` \|", text, re.M):
        shown.add(row.split(".")[-1])
    assert shown, "no key rows found: has the reference's table format changed?"
    assert not sorted(shown - known)
