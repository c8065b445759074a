import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from home.models import HomePage
from initiatives.models import (
    CooperativeGalleryImage,
    CooperativePage,
    InitiativeGalleryImage,
    InitiativeIndexPage,
    InitiativePage,
)
from tests.factories import ImageFactory, publish, translate
from tests.initiatives.factories import (
    CooperativePageFactory,
    InitiativeIndexPageFactory,
    InitiativePageFactory,
)


def add_photo(page, alt_text="Ilustracja: postaci przy stole.", model=None):
    model = model or InitiativeGalleryImage
    return model.objects.create(page=page, image=ImageFactory(), alt_text=alt_text)


class InitiativePageRulesTest(WagtailPageTestCase):
    def setUp(self):
        self.home = HomePage.objects.get(locale__language_code="pl")
        self.index = InitiativeIndexPageFactory(parent=self.home)
        self.client.force_login(self.create_test_user())

    def test_the_index_sits_under_a_home_page_and_holds_initiatives_and_cooperatives(
        self,
    ):
        self.assertAllowedParentPageTypes(InitiativeIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(
            InitiativeIndexPage, {InitiativePage, CooperativePage}
        )

    def test_initiatives_and_cooperatives_live_only_in_the_index(self):
        for page_type in (InitiativePage, CooperativePage):
            self.assertAllowedParentPageTypes(page_type, {InitiativeIndexPage})
            self.assertAllowedSubpageTypes(page_type, set())
            self.assertCanNotCreateAt(HomePage, page_type)

    def test_an_editor_creates_an_initiative_with_photos(self):
        image = ImageFactory()
        data = nested_form_data(
            {
                "title": "Szyjemy razem",
                "slug": "szyjemy-razem",
                "summary": "Warsztaty szycia.",
                "body": streamfield([("text", rich_text("<p>Co sobotę.</p>"))]),
                "people": "Kobiety z Klubu Kobiet w Grupie",
                "partners": "Ośrodek dla Cudzoziemców w Grupie\nKoło Gospodyń",
                "start_date": "2022-11-05",
                "end_date": "2023-02-25",
                "city": "Grupa",
                "participants": "11",
                "outcome": rich_text("<p>150 toreb.</p>"),
                "gallery_images": inline_formset(
                    [{"image": image.pk, "alt_text": "Postaci przy maszynach"}]
                ),
            }
        )
        self.assertCanCreate(self.index, InitiativePage, data)

        initiative = InitiativePage.objects.get(slug="szyjemy-razem")
        assert initiative.partner_list == [
            "Ośrodek dla Cudzoziemców w Grupie",
            "Koło Gospodyń",
        ]
        assert initiative.gallery_images.get().alt_text == "Postaci przy maszynach"

    def test_an_editor_creates_the_cooperative(self):
        data = nested_form_data(
            {
                "title": "Wspólny Stół",
                "slug": "wspolny-stol",
                "summary": "Catering.",
                "body": streamfield([]),
                "offer": rich_text("<p>Catering na spotkania.</p>"),
                "how_to_order": rich_text("<p>Napisz do nas.</p>"),
                "how_to_join": rich_text("<p>Przyjdź na spotkanie.</p>"),
                "people": "Założycielki",
                "city": "Bydgoszcz",
                "founded": "2023-04-20",
                "contact_email": "stol@example.org",
                "gallery_images": inline_formset([]),
            }
        )
        self.assertCanCreate(self.index, CooperativePage, data)

    def post_initiative(self, **fields):
        data = nested_form_data(
            {
                "title": "Inicjatywa",
                "slug": "inicjatywa",
                "summary": "…",
                "body": streamfield([]),
                "people": "Rami",
                "start_date": "2023-06-17",
                "city": "Włocławek",
                "gallery_images": inline_formset([]),
                **fields,
            }
        )
        return self.client.post(
            reverse(
                "wagtailadmin_pages:add",
                args=("initiatives", "initiativepage", self.index.pk),
            ),
            data,
        )

    def test_a_photo_without_alt_text_is_refused(self):
        image = ImageFactory()
        response = self.post_initiative(
            gallery_images=inline_formset([{"image": image.pk, "alt_text": "  "}])
        )

        assert response.status_code == 200
        assert not InitiativePage.objects.exists()
        formset = response.context["form"].formsets["gallery_images"]
        assert "alt_text" in formset.forms[0].errors

    def test_an_initiative_cannot_end_before_it_starts(self):
        response = self.post_initiative(end_date="2023-06-01")

        assert response.status_code == 200
        assert not InitiativePage.objects.exists()
        assert "end_date" in response.context["form"].errors


@pytest.mark.django_db
def test_the_database_refuses_a_photo_without_alt_text(home_pages):
    index = InitiativeIndexPageFactory(parent=home_pages["pl"])
    initiative = InitiativePageFactory(parent=index)
    cooperative = CooperativePageFactory(parent=index)

    for page, model in [
        (initiative, InitiativeGalleryImage),
        (cooperative, CooperativeGalleryImage),
    ]:
        photo = model(page=page, image=ImageFactory(), alt_text="")
        with pytest.raises(ValidationError):
            photo.full_clean()
        with pytest.raises(IntegrityError), transaction.atomic():
            photo.save()


@pytest.mark.django_db
def test_the_database_refuses_an_initiative_that_ends_before_it_starts(home_pages):
    index = InitiativeIndexPageFactory(parent=home_pages["pl"])

    initiative = InitiativePageFactory(
        parent=index, start_date=datetime.date(2023, 6, 17)
    )

    with pytest.raises(IntegrityError), transaction.atomic():
        InitiativePage.objects.filter(pk=initiative.pk).update(
            end_date=datetime.date(2023, 6, 1)
        )


# Reading ----------------------------------------------------------------------


@pytest.fixture
def initiatives(home_pages, locales):
    """An index in Polish and Ukrainian with a cooperative and three initiatives
    (the newest one going on), each with photos."""
    index = publish(InitiativeIndexPageFactory(parent=home_pages["pl"]))
    translate(index, locales["uk"], title="Ініціативи", slug="initsiatyvy")
    pages = {
        "cooperative": CooperativePageFactory(
            parent=index,
            founded=datetime.date(2023, 4, 20),
            how_to_order="<p>Napisz co najmniej pięć dni wcześniej.</p>",
            contact_phone="+48 52 000 00 00",
        ),
        "oldest": InitiativePageFactory(
            parent=index,
            title="Dyżur sąsiedzki",
            start_date=datetime.date(2022, 3, 1),
            end_date=datetime.date(2022, 6, 30),
            partners="MOPS w Bydgoszczy\nPunkt recepcyjny",
            participants=10,
            outcome="<p>Pomogłyśmy 600 osobom.</p>",
        ),
        "newest": InitiativePageFactory(
            parent=index, title="Jedno boisko", start_date=datetime.date(2023, 6, 17)
        ),
        "middle": InitiativePageFactory(
            parent=index, title="Bajki", start_date=datetime.date(2022, 10, 1)
        ),
    }
    add_photo(pages["cooperative"], "Postaci w fartuchach", CooperativeGalleryImage)
    add_photo(pages["oldest"], "Kolejka do stolika informacji")
    add_photo(pages["oldest"], "Dwie postaci nad formularzem")
    for page in pages.values():
        publish(page)
    return index, pages


@pytest.mark.django_db
def test_the_index_features_the_cooperative_then_lists_initiatives_newest_first(
    client, initiatives
):
    index, pages = initiatives

    response = client.get(index.url)

    assert response.status_code == 200
    html = response.content.decode()
    positions = [
        html.index(f">{pages[key].title}</a>")
        for key in ["cooperative", "newest", "middle", "oldest"]
    ]
    assert positions == sorted(positions)
    assert html.count("card--featured") == 1
    assert '<time datetime="2022-03-01">1 marca 2022</time>' in html
    assert '<time datetime="2022-06-30">' in html


@pytest.mark.django_db
def test_an_initiative_tells_what_who_when_where_and_what_came_of_it(
    client, initiatives
):
    _index, pages = initiatives
    initiative = pages["oldest"]

    response = client.get(initiative.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{initiative.title}</h1>" in html
    assert '<time datetime="2022-03-01">' in html
    assert '<time datetime="2022-06-30">' in html
    assert "<li>MOPS w Bydgoszczy</li><li>Punkt recepcyjny</li>" in html
    assert "Olena i Iryna" in html
    assert "Pomogłyśmy 600 osobom." in html
    assert "<dd>10</dd>" in html
    # The first photo under the title, the other in the gallery, each described.
    assert 'alt="Kolejka do stolika informacji"' in html
    assert 'alt="Dwie postaci nad formularzem"' in html
    assert 'id="gallery-heading"' in html


@pytest.mark.django_db
def test_the_cooperative_tells_what_it_offers_and_how_to_order(client, initiatives):
    _index, pages = initiatives

    response = client.get(pages["cooperative"].url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Catering na spotkania." in html
    assert "Napisz co najmniej pięć dni wcześniej." in html
    assert '<a href="tel:+48520000000">' in html
    assert '<time datetime="2023-04-20">' in html
    assert 'alt="Postaci w fartuchach"' in html
    # Nothing to say, no heading.
    assert 'id="join-heading"' not in html
    assert 'id="gallery-heading"' not in html


@pytest.mark.django_db
def test_a_ukrainian_reader_sees_the_ukrainian_initiative_and_photo_text(
    client, initiatives, locales
):
    index, pages = initiatives
    initiative = translate(
        pages["oldest"],
        locales["uk"],
        title="Сусідське чергування",
        slug="susidske-cherhuvannia",
        summary="Допомога біженцям з України.",
        people="Вольга й Наталія",
    )
    photos = list(initiative.gallery_images.all())
    for photo, alt_text in zip(
        photos, ["Черга до столика", "Дві постаті над формуляром"], strict=True
    ):
        photo.alt_text = alt_text
        photo.save()
    translate(pages["cooperative"], locales["uk"], title="Спільний стіл")

    response = client.get(initiative.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="uk"' in html
    assert "<h1>Сусідське чергування</h1>" in html
    assert "Вольга й Наталія" in html
    assert 'alt="Черга до столика"' in html
    assert 'alt="Дві постаті над формуляром"' in html
    assert "Kolejka" not in html
    # The date in Ukrainian, for people and machines.
    assert '<time datetime="2022-03-01">1 березня 2022 р.</time>' in html

    index_html = client.get(index.get_translation(locales["uk"]).url).content
    index_html = index_html.decode()
    # Only what is translated is listed, the cooperative first.
    assert index_html.index("Спільний стіл") < index_html.index("Сусідське чергування")
    assert "Jedno boisko" not in index_html


@pytest.mark.django_db
def test_unpublished_initiatives_are_not_listed(client, initiatives):
    index, pages = initiatives
    pages["newest"].unpublish()

    html = client.get(index.url).content.decode()

    assert pages["newest"].title not in html
    assert pages["middle"].title in html
