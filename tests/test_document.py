"""Reading articles: blocks and their languages, dates, HTML pages and URLs."""
from __future__ import annotations

import http.server
import threading
from datetime import date

import pytest

from factcheck import document
from factcheck.errors import InputError

MIXED = (
    "Alibaba investit plus de 25 milliards d’euros dans le cloud\n"
    "Alibaba is een van de grootste Chinese bedrijven. – EPA\n\n"
    "La société chinoise a déclaré qu’elle investirait 200 milliards de yuans dans ses activités.\n\n"
    "Lire aussi:\n"
)


def test_blocks_kinds_and_languages() -> None:
    doc = document.build("x", MIXED)
    kinds = [(b.kind, b.language) for b in doc.blocks]
    assert kinds[0] == ("title", "fr")
    assert kinds[1] == ("caption", "nl")
    assert kinds[2] == ("paragraph", "fr")
    assert kinds[3][0] == "noise"
    assert doc.language == "fr"
    assert doc.languages == ("fr", "nl")


def test_front_matter_date() -> None:
    doc = document.build("x", "---\ndate: 2020-04-20\n---\nLe groupe investit 5 milliards d'euros.\n")
    assert doc.date == date(2020, 4, 20) and doc.date_source == "front matter"


def test_explicit_date_wins() -> None:
    doc = document.build("x", "date: 2020-04-20\n\nTexte.\n", date=date(2021, 1, 4), date_source="--date")
    assert doc.date == date(2021, 1, 4) and doc.date_source == "--date"


def test_bad_front_matter_date_is_an_input_error() -> None:
    with pytest.raises(InputError, match="invalid date"):
        document.build("x", "date: 2020-02-31\n\nTexte.\n")
    # the file and the line of the bad date, front matter or first lines
    with pytest.raises(InputError, match=r"^a\.txt:3: front matter: invalid date '2020-02-31'"):
        document.build("a.txt", "---\ntitle: T\ndate: 2020-02-31\n---\nTexte.\n")
    with pytest.raises(InputError, match=r"^a\.txt:2: "):
        document.build("a.txt", "Titre\ndate: 2020-13-01\n\nTexte.\n")


PAGE = """<!doctype html><html lang="fr"><head><title>Alibaba</title>
<meta property="article:published_time" content="2020-04-20T03:00:00+02:00">
<script>var x = "10 000 000 €";</script></head><body><nav>Accueil 2024</nav>
<article><h1>Alibaba investit plus de 25 milliards d’euros</h1>
<p>La société investira 200 milliards de yuans (25,8 milliards d’euros) sur trois ans.</p>
<figure><figcaption>Alibaba is een van de grootste Chinese bedrijven.</figcaption></figure></article>
<footer>© 2020</footer></body></html>"""


def test_html_page_reduces_to_article_text() -> None:
    text, when, source, lang = document.from_html(PAGE)
    assert when == date(2020, 4, 20) and source == "html meta" and lang == "fr"
    assert "200 milliards de yuans (25,8 milliards d’euros)" in text
    assert "var x" not in text and "Accueil" not in text and "©" not in text


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        if self.path == "/article":
            body = PAGE.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_response(404)
            self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server():
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


def test_read_url_from_local_server(server: str) -> None:
    doc = document.read(f"{server}/article", timeout=5)
    assert doc.date == date(2020, 4, 20)
    assert "25,8 milliards d’euros" in doc.text
    with pytest.raises(InputError, match="HTTP 404"):
        document.read(f"{server}/missing", timeout=5)


def test_short_headline_with_figure_is_a_title() -> None:
    doc = document.build("x", "Cloud revenue jumps 72%\n\nAlibaba said cloud revenue rose 72% in the quarter.\n")
    assert doc.blocks[0].kind == "title"


def test_front_matter_language_is_the_default() -> None:
    text = "---\nlang: nl\n---\nAdyen-koers keldert ruim 40 procent\n\nDe aandelen van Adyen zijn dinsdag fors gedaald.\n"
    doc = document.build("x", text)
    assert doc.language == "nl"
    assert [b.language for b in doc.blocks if b.kind != "noise"] == ["nl", "nl"]


def test_abbreviated_scale_ends_a_sentence_only_before_a_function_word() -> None:
    text = ("De gemeente geeft €600 mln. Met 362.000 inwoners is dat veel.\n\n"
            "Der Umsatz stieg auf 1,5 Mrd. Euro. Der Gewinn sank.\n")
    doc = document.build("t", text, language=None)
    sentences = [text[s.start:s.end].strip() for s in doc.sentences]
    assert "De gemeente geeft €600 mln." in sentences  # "Met" starts the next sentence
    assert "Der Umsatz stieg auf 1,5 Mrd. Euro." in sentences  # "Euro" goes on


def test_short_headline_language_from_clue_words() -> None:
    """A lone headline has few function words: words like "verdient", "omzet" or
    "beneficio" (clue_words in the lexicons) tell its language."""
    for text, lang in [("Siemens verdient 2 Mrd. mehr", "de"), ("Omzet Adyen stijgt 21 procent", "nl"),
                       ("Inditex dispara su beneficio un 30 %", "es"), ("SkyLink profit tops €2bn", "en"),
                       ("Le bénéfice de LVMH bondit de 20 %", "fr")]:
        assert document.build("x", text).language == lang, text


def test_key_figure_lines_are_article_text() -> None:
    # a table of key figures, "Item: figure", is read however few its words; a bare label is not
    doc = document.build("x", "De hypotheekrente daalt verder\n\nDe banken passen hun tarieven aan, zo blijkt deze week.\n\n"
                              "ING: 3,62 procent\nRabobank: 3,71 procent\nLees ook:\n", language="nl")
    assert [b.kind for b in doc.blocks][2:] == ["paragraph", "paragraph", "noise"]


def test_a_question_may_be_the_headline_and_a_row_after_the_body_is_none() -> None:
    text = ("Schiphol in cijfers: waar vliegen de reizigers heen?\n\n"
            "Schiphol verwerkte 66,8 miljoen passagiers. De verdeling:\n\n"
            "Europa: 48,3 miljoen\nNoord-Amerika: 7,9 miljoen\n")
    doc = document.build("<t>", text)
    kinds = [(b.kind, text[b.start:b.end].split(":")[0]) for b in doc.blocks]
    assert kinds == [("title", "Schiphol in cijfers"), ("paragraph", "Schiphol verwerkte 66,8 miljoen passagiers. De verdeling"),
                     ("paragraph", "Europa"), ("paragraph", "Noord-Amerika")]
    # a question further down (a Q&A) is no headline
    qa = "Fares rise 2.7% in January\n\nHow much more will I pay?\n\nAbout £133 a year on a £4,932 ticket."
    assert [b.kind for b in document.build("<t>", qa).blocks] == ["title", "paragraph", "paragraph"]
