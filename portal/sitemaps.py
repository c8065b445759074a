"""sitemap.xml of every language, with hreflang alternates between translations."""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from portal.public import public


class PortalSitemap(Sitemap):
    """Live, public pages of every language's home page and below.

    Wagtail's own sitemap lists the site's root page and its descendants only,
    which here is the Polish tree: the other languages' home pages are siblings.
    """

    def items(self):
        under_a_home = Q()
        for home in self.get_wagtail_site().root_page.get_translations(inclusive=True):
            under_a_home |= Q(path__startswith=home.path)
        return (
            public(Page.objects.live())
            .filter(under_a_home)
            .select_related("locale")
            .order_by("path")
        )

    def alternates_of(self, pages):
        """Each translation key's live, public pages as hreflang alternates."""
        keys = {page.translation_key for page in pages}
        translations = {}
        for page in (
            public(Page.objects.live())
            .filter(translation_key__in=keys)
            .select_related("locale")
            .order_by("locale__language_code")
        ):
            translations.setdefault(page.translation_key, []).append(page)
        alternates = {}
        for key, group in translations.items():
            if len(group) < 2:
                continue
            alternates[key] = [
                {
                    "lang_code": page.locale.language_code,
                    "location": page.get_full_url(self.request),
                }
                for page in group
            ]
            default = next((page for page in group if page.locale.is_default), None)
            if default is not None:
                alternates[key].append(
                    {
                        "lang_code": "x-default",
                        "location": default.get_full_url(self.request),
                    }
                )
        return alternates

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        alternates = self.alternates_of(pages)
        urls = []
        for item in pages:
            for url_info in item.get_sitemap_urls(self.request):
                url_info["alternates"] = alternates.get(item.translation_key, [])
                urls.append(url_info)
        last_mods = {url_info.get("lastmod") for url_info in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
