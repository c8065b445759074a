from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from wagtail import hooks
from wagtail.models import PageViewRestriction


@hooks.register("on_serve_page", order=-1)
def forbid_logged_in_outsiders(serve_page):
    """Wagtail sends anyone a group-restricted page turns away to the login page;
    someone already logged in gets a 403 that says why instead."""

    def serve(page, request, args, kwargs):
        # Wagtail's own check runs next on the same page object: let it reuse these
        # rather than query them again.
        restrictions = list(page.get_view_restrictions().prefetch_related("groups"))
        page.get_view_restrictions = lambda: restrictions
        if request.user.is_authenticated:
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
