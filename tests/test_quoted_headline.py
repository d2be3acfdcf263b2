"""A headline written as a quote is still the page's headline (document.split_blocks)."""
from factcheck import document


def _kinds(text: str, language: str) -> list[str]:
    blocks, _ = document.split_blocks(text, language)
    return [b.kind for b in blocks]


def test_quoted_headline_is_a_title() -> None:
    text = ("« La mer Rouge a rebattu les cartes du fret maritime »\n\n"
            "Porté par le contournement du canal de Suez, CMA CGM a vu son bénéfice net grimper.")
    assert _kinds(text, "fr")[0] == "title"
    text = ('"Meliá cierra 2023 con unos ingresos récord de más de 2.000 millones"\n\n'
            "La hotelera mallorquina presentó ayer sus resultados anuales.")
    assert _kinds(text, "es")[0] == "title"


def test_quoted_sentence_is_no_title() -> None:
    # a quoted sentence closes on its own mark: a paragraph of the body
    text = ("« Nous allons investir deux milliards dans nos usines. »\n\n"
            "Le patron du groupe l'a annoncé jeudi devant les analystes.")
    assert _kinds(text, "fr")[0] == "paragraph"
    # two quotes on one line are no headline wrapped whole in quotes
    text = ('"We will grow" he said, "and we will hire"\n\n'
            "The chief executive spoke on Tuesday to analysts in London.")
    assert _kinds(text, "en")[0] != "title"
