"""The ``factcheck`` command: check articles, list figures, test rules, update rates.

Every user error ends as one line on stderr naming the file (and line) and exit
code 2; a traceback would mean a bug in factcheck, not in the user's input.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date as Date

from . import __version__
from .errors import InputError
from .verdicts import FAILING, ORDER

SUBCOMMANDS = ("figures", "rules", "rates", "serve")


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line and exit code 2 (its default code too)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"factcheck: {message} (see 'factcheck --help')\n")
        raise SystemExit(2)


def _date(value: str) -> Date:
    try:
        return Date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid date '{value}' (expected YYYY-MM-DD)") from None


def _check_parser() -> _Parser:
    p = _Parser(
        prog="factcheck",
        description="Fact-check the financial figures in news articles. "
        "Other commands: 'factcheck figures FILE', 'factcheck rules test [PATH]', 'factcheck rates update'.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="article file, '-' for stdin, or an http(s) URL")
    p.add_argument("--date", type=_date, help="publication date YYYY-MM-DD (for ECB rates)")
    p.add_argument("--lang", help="language of the whole article (default: detected per paragraph)")
    p.add_argument("--format", choices=("text", "json", "markdown", "html"), default="text")
    p.add_argument("--rules", action="append", default=[], metavar="PATH", help="extra rule file or folder (repeatable)")
    p.add_argument("--no-builtin-rules", action="store_true", help="use only the rules given with --rules")
    p.add_argument("--rates", metavar="FILE", help="ECB history file (zip or csv) instead of the embedded one")
    p.add_argument("--fail-on", choices=tuple(FAILING), default="inconsistent",
                   help="exit 1 when a finding reaches this verdict (default: inconsistent)")
    p.add_argument("--width", type=int, help="terminal width for the text report")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    p.add_argument("--version", action="version", version=f"factcheck {__version__}")
    return p


def _color(choice: str) -> bool | None:
    return {"auto": None, "always": True, "never": False}[choice]


def _stdin() -> str:
    try:
        return sys.stdin.read()
    except UnicodeDecodeError:
        raise InputError("-: standard input is not UTF-8 text") from None


def cmd_check(argv: Sequence[str]) -> int:
    args = _check_parser().parse_args(argv)
    from . import document, lexicon
    from .checks import Rates, check_document
    from .render import render
    from .rules import load as load_rules

    if args.lang and args.lang not in lexicon.languages():
        raise InputError(f"--lang: unknown language '{args.lang}' (known: {', '.join(lexicon.languages())})")
    if args.files.count("-") > 1:
        raise InputError("-: standard input can be read only once")
    rules = load_rules(args.rules, builtin=not args.no_builtin_rules)
    rates = Rates(args.rates)
    if args.rates:
        rates.table  # noqa: B018 - fail now, with the file's name, not on the first conversion
    failing = FAILING[args.fail_on]
    worst = 0
    totals = {v: 0 for v in ORDER}
    for i, source in enumerate(args.files):
        doc = document.read(source, date=args.date, language=args.lang, stdin_text=_stdin() if source == "-" else None)
        report = check_document(doc, rules, rates)
        for verdict, n in report.summary.items():
            totals[verdict] += n
        if args.format == "json" and len(args.files) > 1:
            out = json.dumps(report.to_dict(), ensure_ascii=False)
        else:
            out = render(report, args.format, console_width=args.width, color=_color(args.color))
        if args.format == "text" and i:
            sys.stdout.write("\n")
        sys.stdout.write(out if out.endswith("\n") else out + "\n")
        if any(f.verdict in failing for f in report.findings):
            worst = 1
    if len(args.files) > 1 and args.format == "text":
        parts = [f"{n} {v}" for v, n in totals.items() if n]
        sys.stdout.write(f"\n{len(args.files)} files: {' · '.join(parts) or 'no findings'}\n")
    return worst


def cmd_figures(argv: Sequence[str]) -> int:
    p = _Parser(prog="factcheck figures", description="List every figure found in an article.")
    p.add_argument("file", metavar="FILE", help="article file, '-' for stdin, or an http(s) URL")
    p.add_argument("--lang")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--width", type=int)
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    args = p.parse_args(argv)
    from . import document, lexicon
    from .figures import scan

    if args.lang and args.lang not in lexicon.languages():
        raise InputError(f"--lang: unknown language '{args.lang}' (known: {', '.join(lexicon.languages())})")
    doc = document.read(args.file, language=args.lang, stdin_text=_stdin() if args.file == "-" else None)
    figs = scan(doc).figures
    if args.format == "json":
        sys.stdout.write(json.dumps({"source": doc.source, "figures": [f.to_dict() for f in figs]}, ensure_ascii=False, indent=2) + "\n")
        return 0
    from .render.figures import figures_table

    sys.stdout.write(figures_table(doc, figs, width=args.width, color=_color(args.color)))
    return 0


def cmd_rules(argv: Sequence[str]) -> int:
    p = _Parser(prog="factcheck rules", description="Work with YAML rules.")
    sub = p.add_subparsers(dest="action", required=True)
    t = sub.add_parser("test", help="run the examples of rules (built-in and given paths)")
    t.add_argument("paths", nargs="*", metavar="PATH")
    t.add_argument("--no-builtin-rules", action="store_true")
    t.add_argument("--verbose", "-v", action="store_true")
    ls = sub.add_parser("list", help="list the rules")
    ls.add_argument("paths", nargs="*", metavar="PATH")
    args = p.parse_args(argv)
    from .rules import load as load_rules

    if args.action == "list":
        for r in load_rules(args.paths):
            langs = ",".join(sorted(r.languages)) or "all"
            sys.stdout.write(f"{r.id:28} {r.title} [{langs}] {r.file}:{r.line}\n")
        return 0
    from .ruletest import run_examples

    rules = load_rules(args.paths, builtin=not args.no_builtin_rules or not args.paths)
    outcomes = run_examples(rules)
    failed = [o for o in outcomes if not o.passed]
    for o in outcomes:
        if not o.passed or args.verbose:
            sys.stdout.write(("PASS " if o.passed else "FAIL ") + o.describe() + "\n")
    sys.stdout.write(f"{len(outcomes) - len(failed)} passed, {len(failed)} failed ({len(rules)} rules)\n")
    return 1 if failed else 0


def cmd_rates(argv: Sequence[str]) -> int:
    p = _Parser(prog="factcheck rates", description="ECB reference rates.")
    sub = p.add_subparsers(dest="action", required=True)
    u = sub.add_parser("update", help="download the ECB history into the user cache")
    u.add_argument("--url", default=None, help="where to download from (default: the ECB)")
    u.add_argument("--timeout", type=float, default=30.0)
    sub.add_parser("info", help="say which rates are used")
    args = p.parse_args(argv)
    from . import rates

    if args.action == "update":
        path = rates.update(args.url or rates.ECB_URL, timeout=args.timeout)
        table = rates.RateTable.load(path)
        sys.stdout.write(f"updated {path}: ECB rates {table.first_date}…{table.last_date}\n")
        return 0
    table = rates.default_table()
    sys.stdout.write(f"{table.source}\n")
    return 0


def cmd_serve(argv: Sequence[str]) -> int:
    p = _Parser(prog="factcheck serve", description="HTTP API: POST /check with an article, get its report.")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8080)
    p.add_argument("--rules", action="append", default=[], metavar="PATH")
    p.add_argument("--rates", metavar="FILE")
    args = p.parse_args(argv)
    from .checks import Rates, settle
    from .rules import load as load_rules
    from .server import make_server

    rules = load_rules(args.rules)
    rates = Rates(args.rates)
    settle(rules, rates)
    try:
        server = make_server(args.host, args.port, rules, rates)
    except OSError as e:
        raise InputError(f"{args.host}:{args.port}: cannot listen: {e.strerror}") from None
    sys.stderr.write(f"factcheck serving on http://{args.host}:{server.server_address[1]} (POST /check)\n")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in SUBCOMMANDS:  # a file named like a command: write ./rules
            cmd = {"figures": cmd_figures, "rules": cmd_rules, "rates": cmd_rates, "serve": cmd_serve}[argv[0]]
            return cmd(argv[1:])
        return cmd_check(argv)
    except InputError as e:
        sys.stderr.write(f"factcheck: {e}\n")
        return 2
    except SystemExit as e:  # argparse: usage errors (2), --help and --version (0)
        return e.code if isinstance(e.code, int) else 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
