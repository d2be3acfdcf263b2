"""Dump every finding of the full check on fixed texts, to prove a speed change changes nothing.

For each article of benchmarks/accuracy/*.yaml (built as benchmarks/accuracy.py builds it,
with its date and language), each examples/*.txt, and the benchmark corpus's articles
(benchmarks/corpus.py, checked as benchmarks/check.py does, date 2024-03-14), writes the
report's findings in order: rule, verdict, figures, spans, message, stated, expected,
deviation, steps and claim, then its warnings. Run it before and after a change and diff the two files:

    python benchmarks/oracle_check.py /tmp/oracle-check-before.txt
    python benchmarks/oracle_check.py /tmp/oracle-check-after.txt [--corpus 300000]
    diff /tmp/oracle-check-before.txt /tmp/oracle-check-after.txt
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date as Date
from pathlib import Path
from typing import TextIO

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import corpus  # noqa: E402

from factcheck import document  # noqa: E402
from factcheck.checks import Rates, check_document, check_text  # noqa: E402
from factcheck.model import Report  # noqa: E402

HERE = Path(__file__).resolve().parent


def dump(out: TextIO, name: str, report: Report) -> None:
    out.write(f"## {name}\n")
    for f in report.findings:
        row = f.to_dict()
        row["claim"] = f.claim
        out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    for warning in report.warnings:
        out.write(f"warning: {warning}\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--corpus", type=int, default=300_000, help="characters of benchmark corpus (0: none)")
    args = ap.parse_args()
    rates = Rates()
    with args.out.open("w", encoding="utf-8") as out:
        for path in sorted((HERE / "accuracy").glob("*.yaml")):
            for i, art in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")) or []):
                when = art.get("date")
                if when is not None and not isinstance(when, Date):
                    when = Date.fromisoformat(str(when))
                doc = document.build(f"{path.name}#{i}", art["text"], date=when,
                                     date_source="benchmark" if when else None,
                                     language=path.stem.split("-")[0] if path.stem != "mixed" else None)
                dump(out, doc.source, check_document(doc, None, rates))
        for path in sorted((HERE.parent / "examples").glob("*.txt")):
            dump(out, path.name, check_document(document.read(str(path)), None, rates))
        if args.corpus:
            for i, text in enumerate(corpus.articles(args.corpus)):
                dump(out, f"corpus#{i}", check_text(text, date="2024-03-14"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
