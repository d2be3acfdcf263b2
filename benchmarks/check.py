"""Full check throughput (figures, rules, FX, report), warm, in MB of text per second.

Prints factcheck's own rate and, measured in the same run on the same text, the
ratios against the extraction stage alone and against peers when installed
(Recognizers-Text's Python release, quantulum3), so that numbers from different
machines compare as ratios.

    python benchmarks/check.py [--size 1000000] [--repeat 3] [--scaling 50000]

``--scaling N`` checks instead one page of N characters, then one of 2N, with no line
break and no full stop (a scraped table, a PDF's text run together): one paragraph, one
sentence. A check linear in its page takes about twice as long on the second; a step
that walks a sentence for each of its figures shows as four times.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import corpus  # noqa: E402
from corpus import best_of  # noqa: E402

import factcheck  # noqa: E402
from factcheck.checks import Rates, check_text, settle  # noqa: E402
from factcheck.rules import load as load_rules  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=1_000_000, help="characters of text (default 1e6)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--dense", action="store_true", help="only sentences with figures (worst case)")
    ap.add_argument("--scaling", type=int, default=0, metavar="N",
                    help="time one run-on page of N, then 2N characters, and print the ratio")
    args = ap.parse_args()
    if args.scaling:
        return scaling(args.scaling, args.repeat)
    arts = corpus.articles(args.size, dense=args.dense)
    text = "\n".join(arts)
    mb = len(text.encode("utf-8")) / 1e6
    # warm, as `factcheck serve` is: lexicons, rules and rates loaded, the collector settled
    check_text(arts[0], date="2020-04-20")
    settle(load_rules(), Rates())
    t_check = best_of(lambda: [check_text(a, date="2020-04-20") for a in arts], args.repeat)
    t_extract = best_of(lambda: [factcheck.extract(a) for a in arts], args.repeat)
    n_figs = sum(len(factcheck.extract(a)) for a in arts)
    print(f"text: {len(arts)} articles, {mb:.2f} MB, {n_figs / (len(text) / 1000):.1f} figures per KB, best of {args.repeat}")
    print(f"factcheck check    {mb / t_check:8.2f} MB/s  (1 core)")
    print(f"factcheck extract  {mb / t_extract:8.2f} MB/s  check/extract time ratio {t_check / t_extract:.2f}")
    seed = Path(__file__).resolve().parent.parent.parent / "shared" / "seed" / "alibaba-cloud-fr.txt"
    if seed.is_file():  # a real scraped article, page noise included
        text_seed = seed.read_text(encoding="utf-8")
        n = max(1, int(args.size / len(text_seed)))
        t_seed = best_of(lambda: [check_text(text_seed, date="2020-04-20") for _ in range(n)], args.repeat)
        print(f"seed article ×{n}   {len(text_seed.encode()) * n / 1e6 / t_seed:8.2f} MB/s  (check, ../shared/seed)")
    try:
        from recognizers_number import NumberRecognizer, Culture  # type: ignore[import-not-found]
        sample = text[:20_000]
        rec = NumberRecognizer(Culture.French)
        model = rec.get_number_model()
        t_rt = best_of(lambda: model.parse(sample), 1)
        rate = len(sample.encode()) / 1e6 / t_rt
        print(f"recognizers-text   {rate:8.3f} MB/s  factcheck check is {mb / t_check / rate:.0f}x faster")
    except ImportError:
        print("recognizers-text   not installed (pip install recognizers-text-suite) — skipped")
    try:
        from quantulum3 import parser as q3  # type: ignore[import-not-found]
        sample = text[:50_000]
        t_q = best_of(lambda: q3.parse(sample), 1)
        rate = len(sample.encode()) / 1e6 / t_q
        print(f"quantulum3         {rate:8.3f} MB/s  factcheck check is {mb / t_check / rate:.0f}x faster")
    except ImportError:
        print("quantulum3         not installed (pip install quantulum3) — skipped")
    return 0


def scaling(size: int, repeat: int) -> int:
    """Time a run-on page of ``size`` and of twice that many characters (see the docstring)."""
    def page(n: int) -> str:
        words = corpus.text(n).replace("\n", " ").replace(". ", " ").split()
        return "Run-on page\n\n" + " ".join(words)[:n] + "\n"

    check_text(page(2000), date="2020-04-20")
    small, large = page(size), page(2 * size)
    t1 = best_of(lambda: check_text(small, date="2020-04-20"), repeat)
    t2 = best_of(lambda: check_text(large, date="2020-04-20"), repeat)
    print(f"run-on page {len(small):>9,} chars  {t1:7.2f} s  ({len(small.encode()) / 1e6 / t1:.2f} MB/s)")
    print(f"run-on page {len(large):>9,} chars  {t2:7.2f} s  ({len(large.encode()) / 1e6 / t2:.2f} MB/s)")
    print(f"time ratio {t2 / t1:.2f} for twice the text (2 linear, 4 quadratic)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
