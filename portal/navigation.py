"""Menu and footer links, resolved for the reader's language in one query."""

from dataclasses import dataclass

from portal.public import is_shown, with_translations


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    page_id: int | None = None
    # The page's language and the label's, where they are not the reader's: the
    # link then says so (``page_link`` in portal/templatetags/portal_tags.py).
    language: str | None = None
    label_language: str | None = None


# What a link reads of its page (``Page.get_url`` needs only ``url_path``).
LINK_FIELDS = ("title", "url_path", "live")


def resolve_links(streams, request, language_code, written_in=()):
    """The links of streams of LinkBlocks, as this reader should see them: a list
    of links for each stream, all looked up together.

    A chosen page is replaced by its live translation in the reader's language when
    there is one (wagtail-localize keeps pointing translated menus at the source
    page); else the link leads to the page in its own language, and says which.
    A page that is not live, or that is restricted to a group, a login or a
    password, is left out: a menu never names a page the public may not see.

    ``written_in`` gives the language each stream's labels are written in (a
    menu not translated yet is the default language's).
    """
    written_in = list(written_in) + [language_code] * (len(streams) - len(written_in))
    item_lists = [
        [block["value"] for block in stream.raw_data if block.get("value")]
        if stream
        else []
        for stream in streams
    ]
    chosen_ids = {
        item["page"] for items in item_lists for item in items if item.get("page")
    }
    versions = with_translations(chosen_ids, language_code, only=LINK_FIELDS)

    def other(code):
        return code if code != language_code else None

    def link(item, labels_language):
        if item.get("url"):
            return Link(
                label=item.get("label") or item["url"],
                url=item["url"],
                label_language=other(labels_language) if item.get("label") else None,
            )
        chosen, translation = versions.get(item.get("page"), (None, None))
        page = next((page for page in [translation, chosen] if is_shown(page)), None)
        if page is None:
            return None
        page_language = page.locale.language_code
        return Link(
            label=item.get("label") or page.title,
            url=page.get_url(request),
            page_id=page.pk,
            language=other(page_language),
            label_language=other(
                labels_language if item.get("label") else page_language
            ),
        )

    return [
        [
            link
            for link in (link(item, labels_language) for item in items)
            if link is not None
        ]
        for items, labels_language in zip(item_lists, written_in, strict=True)
    ]
