"""What a KEY on the command line names, for a change: a meeting, an agenda item, a
commitment or a document, with what editing it needs (ids, versions).

How a key reads is navo_agenda/keys.py. A slug that is both a meeting's and a document's is
ambiguous here; `meeting:SLUG` and `document:SLUG` (also `item:`, `commitment:`) say which.
"""

from typing import NamedTuple

from navo_agenda.errors import InvalidInput, NotFound
from navo_agenda.keys import read_key
from navo_agenda.store import commitments as commitment_store
from navo_agenda.store import documents as document_store
from navo_agenda.store import items as item_store
from navo_agenda.store import meetings as meeting_store
from navo_agenda.store.connection import Database


class Target(NamedTuple):
    what: str  # "meeting", "item", "commitment" or "document"
    key: str  # as the user should see it
    meeting: meeting_store.MeetingRef | None = None
    item: item_store.ItemRow | None = None
    commitment: commitment_store.CommitmentRow | None = None
    document: document_store.DocumentRow | None = None


def resolve(db: Database, text: str) -> Target:
    parsed = read_key(text)
    wanted, key = parsed.wanted, parsed.key
    item = parsed.item()
    if wanted in (None, "item") and item:
        return item_target(db, *item)
    if wanted == "item":
        raise InvalidInput(
            f"{text!r} is not an agenda item key; write MEETING/POSITION, e.g. dmm-2025-06/2"
        )
    if wanted in (None, "commitment") and parsed.is_ref():
        found = commitment_store.get_commitment(db, key.lower())
        if found is None:
            raise NotFound(f"no commitment {key!r}; 'navo-agenda commitments' lists them")
        return Target("commitment", found.ref, commitment=found)
    slug = key.lower()
    meeting = meeting_store.get_meeting_ref(db, slug) if wanted in (None, "meeting") else None
    document = document_store.get_document(db, slug) if wanted in (None, "document") else None
    if meeting is not None and document is not None:
        raise InvalidInput(
            f"{key!r} is both a meeting and a document; write meeting:{slug} or document:{slug}"
        )
    if meeting is not None:
        return Target("meeting", meeting.slug, meeting=meeting)
    if document is not None:
        return Target("document", document.slug, document=document)
    what = wanted or "meeting, commitment or document"
    raise NotFound(f"no {what} {key!r}")


def item_target(db: Database, slug: str, position: int) -> Target:
    meeting = meeting_store.get_meeting_ref(db, slug)
    if meeting is None:
        raise NotFound(f"no meeting {slug!r}")
    item = item_store.get_item(db, meeting.id, position)
    if item is None:
        count = item_store.item_count(db, meeting.id)
        raise NotFound(f"{slug} has no agenda item {position} (it has {count})")
    return Target("item", f"{slug}/{position}", meeting=meeting, item=item)


def meeting_named(db: Database, slug: str, field: str) -> meeting_store.MeetingRef:
    found = meeting_store.get_meeting_ref(db, slug.strip().lower())
    if found is None:
        raise NotFound(f"{field}: no meeting {slug!r}")
    return found


def document_named(db: Database, slug: str, field: str) -> document_store.DocumentRow:
    found = document_store.get_document(db, slug.strip().lower())
    if found is None:
        raise NotFound(f"{field}: no document {slug!r} ('navo-agenda add document' adds one)")
    return found
