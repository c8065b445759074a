from consultations.models.pages import (
    ConsultationIndexPage,
    ConsultationPage,
    PagePoll,
    PageRecommendation,
)
from consultations.models.participation import (
    Comment,
    CommentEdit,
    CommentReport,
    MemberProfile,
    PollAnswer,
    Stance,
)
from consultations.models.records import (
    Consultation,
    PollChoice,
    PollQuestion,
    Recommendation,
    RecommendationVersion,
)
from consultations.models.snippets import Institution, PolicyArea

__all__ = [
    "Comment",
    "CommentEdit",
    "CommentReport",
    "Consultation",
    "ConsultationIndexPage",
    "ConsultationPage",
    "Institution",
    "MemberProfile",
    "PagePoll",
    "PageRecommendation",
    "PolicyArea",
    "PollAnswer",
    "PollChoice",
    "PollQuestion",
    "Recommendation",
    "RecommendationVersion",
    "Stance",
]
