from consultations.models.pages import (
    ConsultationIndexPage,
    ConsultationPage,
    InstitutionIndexPage,
    PagePoll,
    PageRecommendation,
    TrackerPage,
)
from consultations.models.participation import (
    Comment,
    CommentEdit,
    CommentReport,
    CommentTranslation,
    MemberProfile,
    Notification,
    PollAnswer,
    Stance,
    StanceTranslation,
)
from consultations.models.records import (
    Consultation,
    PollChoice,
    PollQuestion,
    Recommendation,
    RecommendationResponse,
    RecommendationVersion,
)
from consultations.models.snippets import Institution, PolicyArea
from consultations.models.tracker import ImplementationUpdate, TrackerEntry

__all__ = [
    "Comment",
    "CommentEdit",
    "CommentReport",
    "CommentTranslation",
    "StanceTranslation",
    "Consultation",
    "ConsultationIndexPage",
    "ConsultationPage",
    "ImplementationUpdate",
    "Institution",
    "InstitutionIndexPage",
    "MemberProfile",
    "Notification",
    "PagePoll",
    "PageRecommendation",
    "PolicyArea",
    "PollAnswer",
    "PollChoice",
    "PollQuestion",
    "Recommendation",
    "RecommendationResponse",
    "RecommendationVersion",
    "Stance",
    "TrackerEntry",
    "TrackerPage",
]
