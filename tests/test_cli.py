"""The command line as a user meets it: exit codes, formats, stdin, errors on one line."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.cli import main

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "fr-alibaba-cloud.txt"
WRONG = (
    "date: 2020-04-20\n\n"
    "Le groupe investira 200 milliards de yuans (21,8 milliards d’euros) dans le cloud.\n"
)  # 200e9 / 7.6819 = 26.04e9: 21.8 is 16 % low → inconsistent


def run(args: list[str], capsys: pytest.CaptureFixture[str], stdin: str | None = None, monkeypatch=None) -> tuple[int, str, str]:
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_example_text_report(capsys) -> None:
    code, out, err = run([str(EXAMPLE), "--width", "80", "--color", "never"], capsys)
    assert code == 0, err
    assert "APPROXIMATE" in out and "Currency conversion" in out
    assert "\x1b[" not in out
    assert max(len(line) for line in out.splitlines()) <= 80


def test_json_contract(capsys) -> None:
    code, out, _ = run([str(EXAMPLE), "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 0
    assert data["schema_version"] == 1
    assert set(data["document"]) >= {"source", "language", "date", "date_source"}
    assert data["document"]["date"] == "2020-04-20" and data["document"]["date_source"] == "front matter"
    text = EXAMPLE.read_text(encoding="utf-8")
    for f in data["figures"]:
        assert set(f) >= {"id", "start", "end", "text", "kind", "value", "low", "high", "unit"}
        assert text[f["start"]:f["end"]] == f["text"]
    ids = {f["id"] for f in data["figures"]}
    for finding in data["findings"]:
        assert set(finding) >= {"rule", "verdict", "figures", "spans", "message", "stated", "expected", "deviation", "steps"}
        assert set(finding["figures"]) <= ids
    assert sum(data["summary"].values()) == len(data["findings"])


def test_inconsistent_exits_1_and_fail_on(tmp_path: Path, capsys) -> None:
    art = tmp_path / "wrong.txt"
    art.write_text(WRONG, encoding="utf-8")
    assert run([str(art)], capsys)[0] == 1
    assert run([str(art), "--fail-on", "never"], capsys)[0] == 0
    code, out, _ = run([str(EXAMPLE), "--fail-on", "approximate"], capsys)
    assert code == 1  # the example's conversion is approximate


def test_stdin_and_several_files_json_lines(tmp_path: Path, capsys, monkeypatch) -> None:
    code, out, _ = run(["-", str(EXAMPLE), "--format", "json"], capsys, stdin=WRONG, monkeypatch=monkeypatch)
    lines = out.strip().splitlines()
    assert len(lines) == 2
    first, second = (json.loads(line) for line in lines)
    assert first["document"]["source"] == "-" and second["document"]["source"] == str(EXAMPLE)
    assert code == 1


@pytest.mark.parametrize("args,needle", [
    (["no-such-file.txt"], "no-such-file.txt: no such file"),
    (["--date", "2020-02-30", "x.txt"], "invalid date '2020-02-30'"),
    (["--lang", "xx", str(EXAMPLE)], "unknown language 'xx'"),
    (["--format", "pdf", str(EXAMPLE)], "invalid choice"),
    ([str(EXAMPLE), "--rules", "no-such-rules.yaml"], "no-such-rules.yaml: no such rule file"),
    ([str(EXAMPLE), "--rates", "no-such-rates.zip"], "no-such-rates.zip"),
])
def test_bad_input_one_line_exit_2(args, needle, capsys) -> None:
    code, out, err = run(args, capsys)
    assert code == 2
    assert needle in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_empty_and_binary_files(tmp_path: Path, capsys) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02abc")
    code, _, err = run([str(empty)], capsys)
    assert code == 2 and "empty article" in err
    code, _, err = run([str(binary)], capsys)
    assert code == 2 and str(binary) in err


def test_malformed_rule_file_exit_2(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "house.yaml"
    bad.write_text("rules:\n  - id: x\n    title: X\n    pattern: [{fig: money, as: a}]\n    check: {stated: a, expected: 'fx(a,'}\n",
                   encoding="utf-8")
    code, _, err = run([str(EXAMPLE), "--rules", str(bad)], capsys)
    assert code == 2
    assert err.startswith(f"factcheck: {bad}:5: rule 'x': field 'check.expected'")


def test_lexicon_key_given_twice_exit_2(tmp_path: Path) -> None:
    """A house lexicon (FACTCHECK_LEXICONS) that names a currency twice stops with its
    file and line, in a process of its own: lexicons are loaded once per process."""
    (tmp_path / "fr.yaml").write_text("currencies:\n  balle: EUR\n  boulon: USD\n  balle: CHF\n", encoding="utf-8")
    env = {**os.environ, "FACTCHECK_LEXICONS": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-m", "factcheck", str(EXAMPLE)], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr == f"factcheck: {tmp_path / 'fr.yaml'}:4: 'balle' is given twice (first on line 2)\n", proc.stderr


def test_lexicon_hedge_not_after_not_a_list_exit_2(tmp_path: Path) -> None:
    """hedge_not_after maps a hedge word to a list of words: a bare word is an error
    naming the house lexicon, its line and the field."""
    (tmp_path / "fr.yaml").write_text("currencies:\n  balle: EUR\nhedge_not_after:\n  plus de: contrat\n", encoding="utf-8")
    env = {**os.environ, "FACTCHECK_LEXICONS": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-m", "factcheck", str(EXAMPLE)], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr == f"factcheck: {tmp_path / 'fr.yaml'}:3: field 'hedge_not_after.plus de' must be a list of words\n", proc.stderr


def test_figures_command(capsys) -> None:
    code, out, _ = run(["figures", str(EXAMPLE), "--format", "json"], capsys)
    assert code == 0
    texts = [f["text"] for f in json.loads(out)["figures"]]
    assert "200 milliards de yuans" in texts and "25,8 milliards d’euros" in texts
    code, out, _ = run(["figures", str(EXAMPLE), "--color", "never", "--width", "160"], capsys)
    assert code == 0 and "200 milliards de yuans" in out


def test_rules_test_command(capsys) -> None:
    code, out, _ = run(["rules", "test"], capsys)
    assert out.strip().splitlines()[-1].split(",")[1].strip().startswith("0 failed"), out
    assert code == 0


def test_markdown_and_html(capsys) -> None:
    code, out, _ = run([str(EXAMPLE), "--format", "markdown"], capsys)
    assert code == 0 and "| approximate" in out.lower() or "approximate" in out
    code, out, _ = run([str(EXAMPLE), "--format", "html"], capsys)
    assert code == 0 and out.lstrip().lower().startswith("<!doctype html") and "<mark" in out
