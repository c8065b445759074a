from django.db.models import prefetch_related_objects
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page, PageViewRestriction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.cache import page_served
from portal.links import RestrictionAwarePageLinkHandler
from portal.models import FooterContent, MainMenu
from portal.protection import protected_rows
from portal.routing import view_restrictions


class MainMenuViewSet(SnippetViewSet):
    model = MainMenu
    icon = "list-ul"
    menu_order = 100


class FooterContentViewSet(SnippetViewSet):
    model = FooterContent
    icon = "doc-full"
    menu_order = 110


register_snippet(MainMenuViewSet)
register_snippet(FooterContentViewSet)


def _refusal(request, pages, back_to):
    rows = protected_rows(pages)
    if not rows:
        return None
    counts = ", ".join(f"{name}: {count}" for name, count in sorted(rows.items()))
    messages.error(
        request,
        _(
            "Not deleted: people have sent %(counts)s through this page, a page "
            "below it or one of its translations, and deleting the page would "
            "delete their words. Unpublish the page instead, or export and delete "
            "those submissions first."
        )
        % {"counts": counts},
    )
    return redirect(back_to)


@hooks.register("before_delete_page")
def keep_peoples_words_on_delete(request, page):
    back_to = get_valid_next_url_from_request(request) or reverse(
        "wagtailadmin_explore", args=[page.get_parent().pk]
    )
    return _refusal(request, [page], back_to)


@hooks.register("before_bulk_action")
def keep_peoples_words_on_bulk_delete(request, action_type, objects, action):
    if action_type != "delete" or not issubclass(action.model, Page):
        return None
    back_to = get_valid_next_url_from_request(request) or reverse(
        "wagtailadmin_explore_root"
    )
    return _refusal(request, objects, back_to)


class RestrictionsRead:
    """Stands in for a page's ``get_view_restrictions`` once they are read. Not a
    lambda: the page may be a site's root page, which is pickled into the cache
    with its site (portal/routing.py)."""

    def __init__(self, restrictions):
        self.restrictions = restrictions

    def __call__(self):
        return self.restrictions


@hooks.register("on_serve_page")
def note_what_the_stored_page_depends_on(serve_page):
    """The page cache keeps a page with the stamps it depends on (portal/cache.py)."""

    def serve(page, request, args, kwargs):
        page_served(request, page)
        return serve_page(page, request, args, kwargs)

    return serve


@hooks.register("on_serve_page", order=-1)
def forbid_logged_in_outsiders(serve_page):
    """Wagtail sends anyone a group-restricted page turns away to the login page;
    someone already logged in gets a 403 that says why instead."""

    def serve(page, request, args, kwargs):
        # Wagtail's own check runs next on the same page object: let it reuse these
        # rather than query them again.
        restrictions = view_restrictions(request, page)
        page.get_view_restrictions = RestrictionsRead(restrictions)
        if request.user.is_authenticated:
            if restrictions:
                # Each check, this one and Wagtail's, reads the person's groups.
                prefetch_related_objects([request.user], "groups")
            for restriction in restrictions:
                if (
                    restriction.restriction_type == PageViewRestriction.GROUPS
                    and not restriction.accept_request(request)
                ):
                    response = TemplateResponse(request, "403.html", {}, status=403)
                    add_never_cache_headers(response)
                    return response
        return serve_page(page, request, args, kwargs)

    return serve


@hooks.register("register_rich_text_features", order=1)
def link_restricted_pages_by_number(features):
    """After Wagtail's own page links (order 0), which this replaces."""
    features.register_link_type(RestrictionAwarePageLinkHandler)


@hooks.register("before_serve_document")
def keep_restricted_documents_private(document, request):
    """A document of a restricted collection is never kept by a shared cache, even
    for a visitor who got in with the collection's password."""
    if document.collection.get_view_restrictions().exists():
        request.private_response = True
