"""Who may do what in the consultation module: the one place that decides.

A view builds one ``ConsultationAccess`` per request (``for_page``) and asks it at
the door (``access.require("stance")``); templates read its answers
(``access.allows.take_part``); the comment cache key is made of them; the admin,
the reports and the notifications ask it too. No other module compares ids or
groups to decide a permission.

Roles: anonymous visitors, logged-in accounts outside the consultation's group
("outsiders"), members (in the group that takes part), editors (who moderate and
speak for the organisation) and translators (cultural assistants, who translate
comments for the authority). Phases come from the consultation's dates:
upcoming → open → closed; ``Consultation.objects.open(now)`` is the same rule in
the database.

Every action has a rule: a function of the access (and, for actions on a comment,
the comment) that returns ``None`` to allow, or a ``Refusal`` with the status and
the translated message the person is shown. To add an action, write its rule
below, add it to ``RULES`` and a row per role and phase to
``tests/consultations/test_policy.py``.
"""

from datetime import timedelta

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from consultations.models.participation import Stance
from consultations.models.records import Phase, Visibility

EDIT_WINDOW = timedelta(minutes=15)
MODERATE = "consultations.moderate_comment"
TRANSLATE = "consultations.translate_comment"
# Comments in the source language of the report need no translation.
REPORT_LANGUAGE = "pl"


class Refusal(Exception):
    """A request the policy turns down: shown as a translated page with a 4xx
    status (an anonymous visitor refused with 403 is asked to log in instead)."""

    def __init__(self, message, status=403):
        super().__init__(message)
        self.message, self.status = message, status

    def __repr__(self):
        return f"Refusal({self.status}, {str(self.message)!r})"


# --- Facts about the person, asked once per request ----------------------------------


def is_editor(user):
    """May moderate comments, reply as the organisation and see everything."""
    if not user.is_authenticated:
        return False
    # Asked for every comment on a page; has_perm goes through every backend.
    if not hasattr(user, "_is_consultation_editor"):
        user._is_consultation_editor = user.is_active and user.has_perm(MODERATE)
    return user._is_consultation_editor


def is_translator(user):
    """May translate comments for the authority (cultural assistants; editors)."""
    return user.is_authenticated and user.is_active and user.has_perm(TRANSLATE)


def _group_ids(user):
    if not user.is_authenticated:
        return frozenset()
    if not hasattr(user, "_consultation_group_ids"):
        # groups.all(): the groups come with the user (portal/auth.py).
        user._consultation_group_ids = frozenset(g.pk for g in user.groups.all())
    return user._consultation_group_ids


# --- The rules -----------------------------------------------------------------------

NOT_YET_OPEN = _("This consultation has not opened yet.")
CLOSED = _("This consultation is closed. Everything said in it stays readable.")


def _view(access, _target):
    if access.consultation.visibility == Visibility.PUBLIC:
        return None
    if access.is_member or access.is_editor:
        return None
    return Refusal(
        _(
            "This consultation is open only to the members of the team taking part "
            "and to the organisation's editors."
        )
    )


def _phase_refusal(access):
    if access.phase == Phase.UPCOMING:
        return Refusal(NOT_YET_OPEN)
    if access.phase == Phase.CLOSED:
        return Refusal(CLOSED)
    return None


def _take_part(access, _target):
    """Take a stance or answer a poll."""
    if not access.is_member:
        return Refusal(_("Only members of the team taking part can do this."))
    return _phase_refusal(access)


def _comment(access, _target):
    """Members while it is open; editors, as the organisation, once it has opened."""
    if access.is_member:
        return _phase_refusal(access)
    if access.is_editor:
        return Refusal(NOT_YET_OPEN) if access.phase == Phase.UPCOMING else None
    return Refusal(_("Only members of the team taking part can comment."))


def _reply(access, comment):
    if refusal := _comment(access, None):
        return refusal
    if not _is_shown(comment):
        return Refusal(_("This comment can no longer be answered."), status=409)
    return None


def _edit(access, comment):
    if not access.is_author(comment):
        return Refusal(_("You can edit only your own comments."))
    if (
        _is_shown(comment)
        and access.now - comment.created_at <= EDIT_WINDOW
        and access.phase == Phase.OPEN
    ):
        return None
    return Refusal(
        _(
            "A comment can be edited for 15 minutes after it is written, "
            "while the consultation is open."
        )
    )


def _withdraw(access, comment):
    if not access.is_author(comment):
        return Refusal(_("You can withdraw only your own comments."))
    if comment.withdrawn_at is None and access.phase == Phase.OPEN:
        return None
    return Refusal(_("This comment can no longer be withdrawn."), status=409)


def _report(access, comment):
    if access.is_member and not access.is_author(comment) and _is_shown(comment):
        return None
    return Refusal(_("You cannot report this comment."))


def _see_text(access, comment):
    """A hidden comment's text and the moderator's reason: for its living author
    and the moderators. A withdrawn comment's text: for no one on the site."""
    if _is_shown(comment):
        return None
    if (
        comment.hidden_at
        and comment.withdrawn_at is None
        and (access.is_author(comment) or access.is_editor)
    ):
        return None
    return Refusal(_("This comment is not shown."), status=404)


def _see_authors(access, _target):
    """Which account wrote a comment behind its display name."""
    return None if access.is_editor else Refusal(_("Only editors see this."))


def _see_results(access, _target):
    """Editors always; members once it closes (or while open, if it says so); the
    public once editors publish the results of a public consultation."""
    if access.is_editor:
        return None
    consultation = access.consultation
    if access.is_member and (
        access.phase == Phase.CLOSED
        or (access.phase == Phase.OPEN and consultation.live_results)
    ):
        return None
    if consultation.visibility == Visibility.PUBLIC and consultation.results_published:
        return None
    return Refusal(_("The results of this consultation are not published yet."))


def _download(access, _target):
    """The report for the authority (HTML, CSV, XLSX)."""
    if access.is_editor:
        return None
    consultation = access.consultation
    if consultation.visibility == Visibility.PUBLIC and consultation.results_published:
        return None
    return Refusal(_("Only the organisation's editors can download this report."))


def _moderate(access, _target):
    """Hide and show comments, dismiss reports, reply as the organisation, record
    responses, see who has not responded: the organisation's editors."""
    return None if access.is_editor else Refusal(_("Only editors can do this."))


def _translate(access, words):
    """Translators reach only the words in their queue: shown comments and
    stances' reasons, not in the report's language, in a consultation they may
    read."""
    if not access.is_translator:
        return Refusal(_("Only cultural assistants and editors translate comments."))
    if words is None:
        return None  # the queue itself
    if (
        _is_translatable(words)
        and words.language != REPORT_LANGUAGE
        and _view(access, None) is None
    ):
        return None
    return Refusal(_("This is not in the translation queue."), status=404)


def _is_translatable(words):
    if isinstance(words, Stance):
        return bool(words.reason)
    return _is_shown(words)


RULES = {
    "view": _view,
    "take_part": _take_part,
    "stance": _take_part,
    "answer_poll": _take_part,
    "comment": _comment,
    "reply": _reply,
    "edit": _edit,
    "withdraw": _withdraw,
    "report": _report,
    "see_text": _see_text,
    "see_authors": _see_authors,
    "see_results": _see_results,
    "download": _download,
    "moderate": _moderate,
    "translate": _translate,
}
# Actions that need no consultation: the admin's queues.
SITE_WIDE = {"moderate", "translate"}


def _is_shown(comment):
    return comment.withdrawn_at is None and comment.hidden_at is None


# --- The policy object ----------------------------------------------------------------


class ConsultationAccess:
    """What one person may do in one consultation at one moment.

    ``consultation`` is the lasting record (``Consultation``), or None for the
    site-wide actions of the admin (moderate, translate)."""

    def __init__(self, user, consultation=None, now=None):
        self.user = user if user is not None else AnonymousUser()
        self.consultation = consultation
        self.now = now or timezone.now()
        self.phase = consultation.phase(self.now) if consultation else None

    @classmethod
    def for_page(cls, request, page):
        """The access to a consultation page's record, built once per request.
        A page never published has no record: nothing to act on (404)."""
        cached = getattr(request, "_consultation_access", None)
        record = page.record
        if record is None:
            raise Http404
        if cached is None or cached.consultation is not record:
            cached = request._consultation_access = cls(request.user, record)
        return cached

    def __repr__(self):
        return f"<ConsultationAccess {self.user} {self.consultation} {self.phase}>"

    @cached_property
    def is_editor(self):
        return is_editor(self.user)

    @cached_property
    def is_translator(self):
        return is_translator(self.user)

    @cached_property
    def is_member(self):
        """In the group that takes part, with an active account."""
        consultation = self.consultation
        return bool(
            consultation is not None
            and self.user.is_active
            and consultation.participant_group_id
            and consultation.participant_group_id in _group_ids(self.user)
        )

    def is_author(self, comment):
        # Never ``comment.author_id == user.pk`` alone: once an author deletes
        # their account both are None for an anonymous visitor.
        return (
            self.user.is_authenticated
            and comment.author_id is not None
            and comment.author_id == self.user.pk
        )

    @property
    def speaks_for_organisation(self):
        """An editor's comment is the organisation's, unless they take part."""
        return self.is_editor and not self.is_member

    def refusal(self, action, target=None):
        """None if allowed, else the Refusal the person is shown."""
        rule = RULES[action]
        if self.consultation is None:
            if action not in SITE_WIDE:
                raise ValueError(f"{action!r} needs a consultation")
            return rule(self, target)
        if action != "view" and (refusal := _view(self, None)):
            return refusal
        return rule(self, target)

    def can(self, action, target=None):
        return self.refusal(action, target) is None

    def require(self, action, target=None):
        """At the door of a view: go on, or raise the Refusal."""
        if refusal := self.refusal(action, target):
            raise refusal

    @cached_property
    def allows(self):
        """The consultation-wide answers, for templates: ``access.allows.comment``."""
        return _Answers(self)

    def comment_rights(self, comment):
        """What this reader may see of a comment and do with it (asked twice per
        comment on a page: once for all of them together, for the cache keys)."""
        rights = getattr(comment, "_rights", None)
        if rights is None or rights[0] is not self:
            comment.consultation = self.consultation  # saves a query per comment
            answers = {
                action: self.can(action, comment)
                for action in ("reply", "edit", "withdraw", "report", "see_text")
            }
            answers["see_account"] = self.can("see_authors")
            rights = comment._rights = (self, answers)
        return rights[1]


class _Answers:
    def __init__(self, access):
        self._access, self._known = access, {}

    def __getitem__(self, action):
        if action not in self._known:
            self._known[action] = self._access.can(action)
        return self._known[action]


# --- The same rules as queries --------------------------------------------------------


def viewable(user, prefix=""):
    """A ``Q`` on consultations (through ``prefix``, e.g. "consultation__") that
    this person may read: the database form of the "view" rule."""
    public = Q(**{f"{prefix}visibility": Visibility.PUBLIC})
    if is_editor(user):
        return Q()
    if not (user.is_authenticated and user.is_active):
        return public
    return public | Q(**{f"{prefix}participant_group__in": list(_group_ids(user))})


def translation_queue(user, words):
    """The comments (or stances, by their reasons) a translator may open: the
    database form of "translate"."""
    if not is_translator(user):
        return words.none()
    if words.model is Stance:
        words = words.exclude(reason="").filter(
            viewable(user, "recommendation__consultation__")
        )
    else:
        words = words.filter(withdrawn_at=None, hidden_at=None).filter(
            viewable(user, "consultation__")
        )
    return words.exclude(language=REPORT_LANGUAGE)


def groups_that_may_view(consultation):
    """The groups a consultation's pages are restricted to in Wagtail, so that
    search, menus, sitemaps and feeds never name a team-only one to anyone else:
    the group taking part and the groups whose members are editors; None for a
    public consultation (no restriction)."""
    from django.contrib.auth.models import Group

    if consultation.visibility == Visibility.PUBLIC:
        return None

    app_label, codename = MODERATE.split(".")
    return Group.objects.filter(
        Q(pk=consultation.participant_group_id)
        | Q(
            permissions__content_type__app_label=app_label,
            permissions__codename=codename,
        )
    ).distinct()


def may_moderate(user):
    return ConsultationAccess(user).can("moderate")


def may_translate(user):
    return ConsultationAccess(user).can("translate")


# --- Editing consultation pages ------------------------------------------------------


def may_import_into(user, page):
    """Import a draft of recommendations into a consultation page: whoever may
    edit that page in Wagtail (its page permissions decide)."""
    return (
        user.is_authenticated
        and user.is_active
        and page.permissions_for_user(user).can_edit()
    )


def may_publish_import(user, page):
    """Save an imported draft and publish it at once: whoever may publish the page."""
    return may_import_into(user, page) and page.permissions_for_user(user).can_publish()
