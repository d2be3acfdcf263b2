"""The lexicon files' keys: every key the loader takes is documented (rules/lexicons/README.md,
rules/lexicons/numbers/README.md), and a key it does not take is an error naming the file, the
line and the nearest key, never data silently ignored."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from factcheck import extract, lexicon, numwords
from factcheck.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
LEXICONS = ROOT / "rules" / "lexicons"
EXAMPLE = ROOT / "examples" / "fr-alibaba-cloud.txt"


def _table_keys(doc: Path) -> set[str]:
    """The keys a reference's tables give, one a row: | `key` | …"""
    return set(re.findall(r"^\| `([a-z_]+)` \|", doc.read_text(encoding="utf-8"), re.M))


@pytest.mark.parametrize("doc, keys", [
    (LEXICONS / "README.md", lexicon.LANGUAGE_KEYS | lexicon.CLASS_FILE_KEYS | lexicon.COMMON_KEYS),
    (LEXICONS / "numbers" / "README.md", numwords.NUMBER_KEYS),
])
def test_every_key_has_a_row_and_every_row_a_key(doc: Path, keys: frozenset[str]) -> None:
    rows = _table_keys(doc)
    assert not sorted(keys - rows), f"not documented in {doc.name}"
    assert not sorted(rows - keys), f"documented in {doc.name} but refused by the loader"


@pytest.mark.parametrize("pattern, known", [
    ("*.yaml", None),
    ("classes/*.yaml", lexicon.CLASS_FILE_KEYS),
    ("numbers/*.yaml", numwords.NUMBER_KEYS),
])
def test_built_in_files_hold_only_known_keys(pattern: str, known: frozenset[str] | None) -> None:
    """The shipped data passes the check it imposes on a newsroom's files."""
    paths = sorted(LEXICONS.glob(pattern))
    assert paths
    for path in paths:
        keys = known or (lexicon.COMMON_KEYS if path.stem == "common" else lexicon.LANGUAGE_KEYS)
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        lexicon.check_keys(path, data, keys)


def test_unknown_key_names_file_line_and_nearest_key(tmp_path: Path) -> None:
    path = tmp_path / "fr.yaml"
    path.write_text("currencies:\n  balle: EUR\ncount_nounz: [vaches]\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        lexicon.check_keys(path, {"currencies": {}, "count_nounz": []}, lexicon.LANGUAGE_KEYS)
    assert str(err.value) == f"{path}:3: field 'count_nounz' is not a key of this file (did you mean 'count_nouns'?)"


def test_class_file_refuses_a_lexicon_key(tmp_path: Path) -> None:
    """A figure-lexicon key put in a classes file would never be read there."""
    path = tmp_path / "fr.yaml"
    path.write_text("classes:\n  rise: [bondit]\ncount_nouns: [vaches]\n", encoding="utf-8")
    with pytest.raises(InputError, match=r":3: field 'count_nouns' is not a key of this file"):
        lexicon.check_keys(path, {"classes": {}, "count_nouns": []}, lexicon.CLASS_FILE_KEYS)


def _run(tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "FACTCHECK_LEXICONS": str(tmp_path)}
    return subprocess.run([sys.executable, "-m", "factcheck", str(EXAMPLE)], capture_output=True, text=True,
                          env=env, timeout=120)


@pytest.mark.parametrize("files, message", [
    # a typo in a key: the words added would never be read
    ({"fr.yaml": "count_nounz: [vaches]\n"},
     "fr.yaml:1: field 'count_nounz' is not a key of this file (did you mean 'count_nouns'?)"),
    ({"numbers/fr.yaml": "units: {zéro: 0}\ndecimal_word: [virgule]\n"},
     "numbers/fr.yaml:2: field 'decimal_word' is not a key of this file (did you mean 'decimal_words'?)"),
    ({"es.yaml": "hedge_not_after:\n  hasta:\n    reach: 12\n    words: [subió]\n"},
     "es.yaml:1: field 'hedge_not_after.hasta' must be a list of words, or words: [...] with reach: 1 to 8"),
    # unquoted No, Yes, On, Off in a word list are YAML booleans: the word would be "False" and
    # never match (English "No." ended sentences until it was quoted)
    ({"en.yaml": "abbreviations: [Mr, No, approx]\n"},
     "en.yaml:1: field 'abbreviations' holds False, a yes/no value: quote the word (\"No\")"),
])
def test_house_lexicon_errors_stop_with_exit_2(tmp_path: Path, files: dict[str, str], message: str) -> None:
    """In a process of its own: lexicons are loaded once per process."""
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    proc = _run(tmp_path)
    assert proc.returncode == 2
    assert proc.stderr == f"factcheck: {tmp_path}/{message}\n", proc.stderr


def test_a_quoted_no_loads(tmp_path: Path) -> None:
    (tmp_path / "en.yaml").write_text('abbreviations: [Mr, "No", approx]\n', encoding="utf-8")
    assert _run(tmp_path).returncode == 0


def test_hedge_not_after_reach() -> None:
    """A hedge word's no-hedge words may stand a few words back, in its clause, when the
    lexicon gives a reach: Spanish "hasta" after a change verb and its object is "to"."""
    figs = extract("La aseguradora elevó su volumen de primas hasta 2.318 millones de euros.", "es")
    assert [(f.text, f.hedge) for f in figs] == [("2.318 millones de euros", None)]
    # a forecast keeps its "up to", and so does a change verb in another clause
    figs = extract("El grupo podría invertir hasta 500 millones de euros.", "es")
    assert figs[0].hedge == "up_to" and figs[0].low == float("-inf")
    figs = extract("Las ventas subieron, y el grupo podrá invertir hasta 500 millones de euros.", "es")
    assert figs[0].hedge == "up_to"
