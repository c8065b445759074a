"""Wagtail admin views the portal adjusts."""

from wagtail.admin.views.pages.create import CreateView


class CreatePageView(CreateView):
    """Wagtail's page creation without autosave. Autosave saves a new page as a
    draft at the editor's first pause, so an editor who leaves the form without
    saving finds the page's address taken by a draft they never meant to keep.
    Editing a page that exists keeps autosave."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(autosave_enabled=False, autosave_indicator=None)
        return context
