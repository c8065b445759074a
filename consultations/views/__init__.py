"""The consultation module's views, by who uses them: ``members`` (the consultation
page's routes), ``public`` (lists, results, reports and the tracker) and ``admin``
(moderation, outcomes and translations in the Wagtail admin). Every one asks
``consultations.access`` at its door."""
