"""Moderation actions and report downloads in Wagtail's audit log, which editors
read under Reports → Site history (filter by action). Entries name a comment by
its number and a consultation by its title: never a comment's text, never an
e-mail address."""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

HIDE = "consultations.hide_comment"
UNHIDE = "consultations.unhide_comment"
DISMISS_REPORTS = "consultations.dismiss_reports"
REPLY = "consultations.official_reply"
REPORT_DOWNLOAD = "consultations.report_download"

ACTIONS = {
    HIDE: (_("Hide comment"), _("Comment hidden")),
    UNHIDE: (_("Show comment again"), _("Comment shown again")),
    DISMISS_REPORTS: (_("Dismiss reports"), _("Reports on the comment dismissed")),
    REPLY: (_("Reply as the organisation"), _("Replied as the organisation")),
    REPORT_DOWNLOAD: (_("Download report"), _("Report downloaded")),
}


def register(actions):
    for action, (label, message) in ACTIONS.items():
        actions.register_action(action, label, message)


def log_moderation(comment, action, editor):
    # Logged on the consultation: Wagtail shows an entry to whoever holds a
    # permission on its object's type, and cultural assistants hold one on
    # comments (they translate them); only editors hold one on consultations.
    # The label is the comment's number (Wagtail would use its text).
    log(
        comment.consultation,
        action,
        user=editor,
        title=f"#{comment.pk}",
        data={"consultation": comment.consultation_id, "comment": comment.pk},
    )


def log_report_download(record, user, kind, language):
    # Once results are published, anyone may download a public consultation's
    # report: anonymous downloads of public data are not logged (nor can strangers
    # fill the log).
    if not user.is_authenticated:
        return
    log(
        record,
        REPORT_DOWNLOAD,
        user=user,
        data={"format": kind, "language": language},
    )
