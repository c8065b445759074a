"""Build the sample strategy chapter as .docx and .odt (committed beside this file).

    python consultations/demo_files/build.py

The .docx is the first draft: recommendations under "Rekomendacja N." headings,
grouped under headings that name the policy areas. The .odt is the revised draft
a month later, written as Word users often do: numbered paragraphs "N. Title",
one recommendation reworded and one added. Words between ``**`` are bold and
between ``*`` italic in both. Needs python-docx and odfpy (requirements-dev.txt).
"""

import copy
import re
from pathlib import Path

HERE = Path(__file__).parent
TITLE = "Rozdział 4. Integracja cudzoziemców"
INTRO = [
    "Projekt Strategii Rozwoju Województwa Kujawsko-Pomorskiego do 2035 roku, "
    "wersja do konsultacji społecznych.",
    "Rozdział przygotował zespół roboczy ds. migracji. Poniższe rekomendacje "
    "opiniuje Regionalny Zespół Migrantów.",
]
MARSHAL = "Urząd Marszałkowski Województwa Kujawsko-Pomorskiego"
# (policy area, [(title, paragraphs, list items, addressee)])
CHAPTER = [
    (
        "Ochrona zdrowia",
        [
            (
                "Tłumacze w szpitalach wojewódzkich",
                [
                    "Szpitale prowadzone przez województwo **zapewniają "
                    "tłumaczenie**, także *zdalne*, w najczęstszych językach "
                    "pacjentów.",
                ],
                ["język ukraiński", "język rosyjski", "język arabski"],
                MARSHAL,
            ),
            (
                "Informacja o prawach pacjenta",
                [
                    "Informacja o prawach pacjenta i o ubezpieczeniu zdrowotnym jest "
                    "dostępna w izbach przyjęć w czterech językach."
                ],
                [],
                "Szpital Wojewódzki w Bydgoszczy",
            ),
            (
                "Wsparcie psychologiczne w językach migrantów",
                [
                    "Województwo finansuje wsparcie psychologiczne dla osób z "
                    "doświadczeniem uchodźczym, zwłaszcza dla kobiet i dzieci.",
                    "Wsparcie jest dostępne także zdalnie.",
                ],
                [],
                "Regionalny Ośrodek Polityki Społecznej w Toruniu",
            ),
        ],
    ),
    (
        "Edukacja",
        [
            (
                "Asystenci kulturowi w szkołach",
                [
                    "W szkołach, do których chodzą dzieci cudzoziemskie, pracują "
                    "asystenci kulturowi. Województwo współfinansuje ich szkolenie."
                ],
                [],
                "Kuratorium Oświaty w Bydgoszczy",
            ),
            (
                "Oddziały przygotowawcze w każdym powiecie",
                [
                    "W każdym powiecie działa co najmniej jeden oddział "
                    "przygotowawczy dla uczniów, którzy nie znają jeszcze polskiego."
                ],
                [],
                "Kuratorium Oświaty w Bydgoszczy",
            ),
            (
                "Dodatkowe lekcje języka polskiego",
                [
                    "Uczniowie cudzoziemscy mają prawo do dodatkowych lekcji języka "
                    "polskiego przez dwa lata, a nie tylko przez rok."
                ],
                [],
                "Kuratorium Oświaty w Bydgoszczy",
            ),
        ],
    ),
    (
        "Praca",
        [
            (
                "Punkt informacji o uznawaniu kwalifikacji",
                [
                    "Wojewódzki Urząd Pracy prowadzi punkt informacji o nostryfikacji "
                    "dyplomów i uznawaniu kwalifikacji, z doradcą mówiącym po "
                    "ukraińsku."
                ],
                [],
                "Wojewódzki Urząd Pracy w Toruniu",
            ),
            (
                "Szkolenia zawodowe z tłumaczeniem",
                [
                    "Szkolenia finansowane przez urzędy pracy są dostępne z "
                    "tłumaczeniem albo w prostym języku polskim."
                ],
                [],
                "Powiatowy Urząd Pracy w Bydgoszczy",
            ),
        ],
    ),
    (
        "Pobyt i legalizacja",
        [
            (
                "Krótszy czas oczekiwania na decyzje pobytowe",
                [
                    "Urząd Wojewódzki publikuje co miesiąc średni czas oczekiwania "
                    "na decyzje i zatrudnia więcej osób do ich wydawania."
                ],
                [],
                "Kujawsko-Pomorski Urząd Wojewódzki w Bydgoszczy",
            ),
            (
                "Rezerwacja wizyt przez internet",
                [
                    "Wizyty w sprawach pobytowych można zarezerwować przez "
                    "internet, bez kolejki przed urzędem o świcie."
                ],
                [],
                "Kujawsko-Pomorski Urząd Wojewódzki w Bydgoszczy",
            ),
        ],
    ),
    (
        "Mieszkalnictwo",
        [
            (
                "Mieszkania na start",
                [
                    "Gminy mogą przeznaczyć część mieszkań komunalnych na najem "
                    "czasowy dla rodzin, które dopiero przyjechały."
                ],
                [],
                "Urząd Miasta Torunia",
            ),
            (
                "Informacja o prawach najemcy",
                [
                    "Ulotka o prawach najemcy w czterech językach jest dostępna w "
                    "urzędach miast i w punktach informacyjnych."
                ],
                [],
                "Urząd Miasta Bydgoszczy",
            ),
        ],
    ),
    (
        "Pomoc społeczna",
        [
            (
                "Pracownicy socjalni mówiący po ukraińsku",
                [
                    "W ośrodkach pomocy społecznej w miastach powyżej 50 tysięcy "
                    "mieszkańców pracuje co najmniej jedna osoba mówiąca po "
                    "ukraińsku."
                ],
                [],
                "Miejski Ośrodek Pomocy Społecznej we Włocławku",
            ),
            (
                "Wspólna baza wiedzy dla ośrodków pomocy społecznej",
                [
                    "Regionalny Ośrodek Polityki Społecznej prowadzi bazę odpowiedzi "
                    "na częste pytania cudzoziemców, z której korzystają wszystkie "
                    "ośrodki."
                ],
                [],
                "Regionalny Ośrodek Polityki Społecznej w Toruniu",
            ),
        ],
    ),
]
CLOSING = "Rozdział zostanie uzupełniony po konsultacjach."


def revised_chapter():
    """The revised draft: recommendation 4 reworded, a fifteenth added."""
    chapter = copy.deepcopy(CHAPTER)
    title, paragraphs, items, addressee = chapter[1][1][0]
    chapter[1][1][0] = (
        title,
        [
            "W szkołach, do których chodzą dzieci cudzoziemskie, pracują asystenci "
            "kulturowi. Województwo współfinansuje ich szkolenie i zatrudnienie "
            "przez pierwsze dwa lata."
        ],
        items,
        addressee,
    )
    chapter[2][1].append(
        (
            "Staże dla absolwentów z zagranicy",
            [
                "Wojewódzki Urząd Pracy organizuje staże dla osób z dyplomem "
                "zagranicznej uczelni, z opieką mentora."
            ],
            [],
            "Wojewódzki Urząd Pracy w Toruniu",
        )
    )
    return chapter


EMPHASIS = re.compile(r"(\*\*.+?\*\*|\*.+?\*)")


def runs(text):
    """(words, bold, italic) of a paragraph written with ``**`` and ``*``."""
    for part in EMPHASIS.split(text):
        if part.startswith("**"):
            yield part[2:-2], True, False
        elif part.startswith("*"):
            yield part[1:-1], False, True
        elif part:
            yield part, False, False


def build_docx(path, chapter):
    import docx

    document = docx.Document()
    document.add_heading(TITLE, level=1)
    for paragraph in INTRO:
        document.add_paragraph(paragraph)
    number = 0
    for area, recommendations in chapter:
        document.add_heading(area, level=2)
        for title, paragraphs, items, addressee in recommendations:
            number += 1
            document.add_heading(f"Rekomendacja {number}. {title}", level=3)
            for text in paragraphs:
                paragraph = document.add_paragraph()
                for words, bold, italic in runs(text):
                    run = paragraph.add_run(words)
                    run.bold, run.italic = bold or None, italic or None
            for item in items:
                document.add_paragraph(item, style="List Bullet")
            document.add_paragraph(f"Adresat: {addressee}")
    document.add_heading("Dalsze prace", level=2)
    document.add_paragraph(CLOSING)
    document.core_properties.title = TITLE
    document.save(path)


def build_odt(path, chapter):
    from odf.opendocument import OpenDocumentText
    from odf.style import Style, TextProperties
    from odf.text import H, List, ListItem, P, Span

    document = OpenDocumentText()
    looks = {}
    for name, properties in [
        ("Bold", {"fontweight": "bold"}),
        ("Italic", {"fontstyle": "italic"}),
    ]:
        looks[name] = Style(name=name, family="text")
        looks[name].addElement(TextProperties(**properties))
        document.automaticstyles.addElement(looks[name])

    def paragraph_of(text):
        paragraph = P()
        for words, bold, italic in runs(text):
            if bold or italic:
                look = looks["Bold" if bold else "Italic"]
                paragraph.addElement(Span(stylename=look, text=words))
            else:
                paragraph.addText(words)
        return paragraph

    text = document.text
    text.addElement(H(outlinelevel=1, text=TITLE))
    for paragraph in INTRO:
        text.addElement(P(text=paragraph))
    number = 0
    for area, recommendations in chapter:
        text.addElement(H(outlinelevel=2, text=area))
        for title, paragraphs, items, addressee in recommendations:
            number += 1
            text.addElement(P(text=f"{number}. {title}"))
            for paragraph in paragraphs:
                text.addElement(paragraph_of(paragraph))
            if items:
                bullets = List()
                for item in items:
                    entry = ListItem()
                    entry.addElement(P(text=item))
                    bullets.addElement(entry)
                text.addElement(bullets)
            text.addElement(P(text=f"Adresat: {addressee}"))
    text.addElement(H(outlinelevel=2, text="Dalsze prace"))
    text.addElement(P(text=CLOSING))
    document.save(str(path))


if __name__ == "__main__":
    build_docx(HERE / "strategia-rozdzial-4.docx", CHAPTER)
    build_odt(HERE / "strategia-rozdzial-4-wersja-2.odt", revised_chapter())
