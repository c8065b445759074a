"""The consultation module's views, by who uses them: ``members`` (the consultation
page's routes), ``account`` (a member's own data and settings), ``public`` (lists,
results, reports and the tracker) and ``admin`` (moderation, outcomes and
translations in the Wagtail admin). Each asks ``consultations.access`` at its door."""
