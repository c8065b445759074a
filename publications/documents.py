"""Which of a publication's documents a reader is shown, and in what order.

Wagtail's document serve view (WAGTAILDOCS_SERVE_METHOD = "serve_view") refuses a
document whose collection, or a parent collection, has a view restriction the
request does not pass: its ``before_serve_document`` hook asks each restriction's
``accept_request``. A page must not name what its reader cannot open, so the same
question is asked here of the same restrictions, for all documents at once.
"""

from wagtail.models import CollectionViewRestriction


def restrictions_by_collection_path():
    """Every collection view restriction, with its groups: two queries."""
    return [
        (restriction.collection.path, restriction)
        for restriction in CollectionViewRestriction.objects.select_related(
            "collection"
        ).prefetch_related("groups")
    ]


def may_open(document, request, restrictions):
    """What Wagtail's serve view decides: every restriction on the document's
    collection or its ancestors lets this request through."""
    path = document.collection.path
    return all(
        restriction.accept_request(request)
        for restriction_path, restriction in restrictions
        if path.startswith(restriction_path)
    )


def readable_documents(rows, request, language):
    """(the rows whose document the reader may open, the reader's language's
    first; how many were left out). Each row gets ``other_language``: its
    language if it is not the reader's, else None."""
    rows = list(rows.select_related("document__collection"))
    restrictions = restrictions_by_collection_path() if rows else []
    readable = [row for row in rows if may_open(row.document, request, restrictions)]
    for row in readable:
        row.other_language = None if row.language == language else row.language
    readable.sort(key=lambda row: (row.other_language is not None, row.sort_order))
    return readable, len(rows) - len(readable)
