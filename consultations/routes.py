"""The routes of the consultation module's pages.

The page models (``models/pages.py``) are read by the views, so they must not
import them: their routes are listed here and attached when the app is ready
(``apps.py``). Each view takes ``(request, page, ...)``.
"""

from functools import partial

from django.urls import path

from consultations.views import institutions, members, public


class PageView:
    """A view bound to the page it is routed on, as Wagtail's RoutablePageMixin
    binds its own route methods (``func.__get__(page)``)."""

    def __init__(self, view, **fixed):
        self.view, self.fixed = view, fixed

    def __get__(self, page, owner=None):
        if page is None:
            return self
        return partial(self, page)

    def __call__(self, page, request, *args, **kwargs):
        return self.view(request, page, *args, **self.fixed, **kwargs)


def route(route_path, view, name, **fixed):
    return path(route_path, PageView(view, **fixed), name=name)


CONSULTATION = [
    # Every action is a plain form post to a route of the page it was made on, so
    # a member reading the Ukrainian page stays on it.
    route("", members.overview, "overview"),
    route(
        "recommendations/<int:recommendation_id>/",
        members.recommendation_detail,
        "recommendation",
    ),
    route(
        "recommendations/<int:recommendation_id>/stance/", members.take_stance, "stance"
    ),
    route(
        "recommendations/<int:recommendation_id>/stance/confirm/",
        members.confirm_stance,
        "confirm_stance",
    ),
    route("comments/", members.post_comment, "comment"),
    route("comments/<int:comment_id>/edit/", members.edit_comment, "edit_comment"),
    route(
        "comments/<int:comment_id>/withdraw/",
        members.withdraw_comment,
        "withdraw_comment",
    ),
    route(
        "comments/<int:comment_id>/report/", members.report_comment, "report_comment"
    ),
    route("polls/<int:question_id>/", members.answer_poll, "answer_poll"),
    route("results/", public.results, "results"),
    route("report/", public.report, "report", kind="html"),
    route("report/csv/", public.report, "report_csv", kind="csv"),
    route("report/xlsx/", public.report, "report_xlsx", kind="xlsx"),
]
INDEX = [route("", public.index, "index")]
TRACKER = [route("", public.tracker, "tracker")]
INSTITUTIONS = [
    route("", institutions.institution_index, "index"),
    route("<slug:slug>/", institutions.institution, "institution"),
]


def attach():
    from consultations.models import (
        ConsultationIndexPage,
        ConsultationPage,
        InstitutionIndexPage,
        TrackerPage,
    )

    for model, routes in (
        (ConsultationPage, CONSULTATION),
        (ConsultationIndexPage, INDEX),
        (TrackerPage, TRACKER),
        (InstitutionIndexPage, INSTITUTIONS),
    ):
        model.subpage_urls = tuple(routes)
        if "_routablepage_urlresolver" in model.__dict__:
            # Wagtail keeps the resolver on the class once asked.
            del model._routablepage_urlresolver
