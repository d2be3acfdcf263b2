"""The HTTP API, against a server the test starts on 127.0.0.1."""
from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request

import pytest

from factcheck.checks import Rates
from factcheck.rules import load
from factcheck.server import make_server

ARTICLE = "Alibaba investira 200 milliards de yuans (25,8 milliards d’euros) sur trois ans.\n"


@pytest.fixture(scope="module")
def base():
    srv = make_server("127.0.0.1", 0, load(), Rates())
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


def post(url: str, body: bytes, ctype: str = "text/plain") -> tuple[int, str, str]:
    req = urllib.request.Request(url, data=body, method="POST", headers={"Content-Type": ctype})
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, resp.headers["Content-Type"], resp.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.headers["Content-Type"], e.read().decode()


def test_check_text_body_with_date(base: str) -> None:
    status, ctype, body = post(f"{base}/check?date=2020-04-20", ARTICLE.encode())
    assert status == 200 and ctype.startswith("application/json")
    report = json.loads(body)
    assert report["schema_version"] == 1 and report["document"]["date"] == "2020-04-20"
    conv = [f for f in report["findings"] if f["rule"] == "fx-conversion"]
    assert conv and conv[0]["verdict"] == "approximate"  # 200e9 / 7.6819 = 26.04e9, stated 25.8e9


def test_check_json_body_and_html(base: str) -> None:
    payload = json.dumps({"text": ARTICLE, "format": "html"}).encode()
    status, ctype, body = post(f"{base}/check", payload, "application/json")
    assert status == 200 and ctype.startswith("text/html") and "<mark" in body
    assert "unverifiable" in body  # no date: the conversion cannot be checked


@pytest.mark.parametrize("url,body,ctype,needle", [
    ("/check?date=2020-02-30", ARTICLE.encode(), "text/plain", "invalid date"),
    ("/check?lang=xx", ARTICLE.encode(), "text/plain", "unknown 'xx'"),
    ("/check", b"{not json", "application/json", "invalid JSON"),
    ("/check", b"\xff\xfe", "text/plain", "not UTF-8"),
    ("/nowhere", ARTICLE.encode(), "text/plain", "not found"),
])
def test_bad_requests(base: str, url: str, body: bytes, ctype: str, needle: str) -> None:
    status, _, text = post(base + url, body, ctype)
    assert status in (400, 404)
    assert needle in json.loads(text)["error"]


def test_health(base: str) -> None:
    with urllib.request.urlopen(f"{base}/health", timeout=10) as resp:
        data = json.loads(resp.read())
    assert data["status"] == "ok" and "fr" in data["languages"]


def test_settle_loads_what_a_check_needs_and_freezes_it() -> None:
    """``factcheck serve`` settles before listening: the ECB table is loaded and the
    objects of rules and lexicons are out of the collector's way; checks still work."""
    import gc

    from factcheck.checks import Rates, check_text, settle
    from factcheck.rules import load

    rates = Rates()
    try:
        settle(load(), rates)
        assert rates.loaded
        assert gc.get_freeze_count() > 0
        report = check_text("Revenue rose 15% to $4.6bn from $4.0bn.", date="2021-03-01")
        assert [f.verdict for f in report.findings] == ["consistent"]
    finally:
        gc.unfreeze()
