from contact.models.messages import ContactMessage
from contact.models.pages import ContactPage, ContactTopic

__all__ = ["ContactMessage", "ContactPage", "ContactTopic"]
