"""Use case of `show KEY`: open what a key names, whichever kind it is, or say what it might
have meant.

Every key `search` prints opens here, read as `edit` and `remove` read keys
(navo_agenda/keys.py): `SLUG/POSITION` is an agenda item; a ref's shape (`c-2025-007`) a
commitment, else a document of that slug; any other slug a meeting (what `show` always
opened), else a document. `meeting:`, `item:`, `commitment:` and `document:` say which kind is
meant. A key that names nothing is an error with the nearest keys of the kinds it could be.
"""

from typing import TYPE_CHECKING, TypeAlias

from navo_agenda import agenda
from navo_agenda.errors import InvalidInput, NotFound
from navo_agenda.keys import Key, read_key
from navo_agenda.records import MeetingDetail
from navo_agenda.store import meetings as meeting_store
from navo_agenda.store.connection import Database

if TYPE_CHECKING:  # navo_agenda.details is loaded only when one of those is shown
    from navo_agenda.details import CommitmentDetail, DocumentDetail, ItemDetail

Shown: TypeAlias = "MeetingDetail | ItemDetail | CommitmentDetail | DocumentDetail"


def show(db: Database, text: str) -> Shown:
    key = read_key(text)
    wanted = key.wanted
    item = key.item()
    if wanted in (None, "item") and item:
        from navo_agenda.details import item_detail

        found_item = item_detail(db, *item)
        if found_item is None:
            raise NotFound(item_not_found(db, *item))
        return found_item
    if wanted == "item" or (wanted is None and "/" in key.key):
        raise InvalidInput(
            f"{text.strip()!r} is not an agenda item key; write MEETING/POSITION,"
            " e.g. dmm-2025-06/2"
        )
    slug = key.lowered
    if wanted in (None, "commitment") and key.is_ref():
        from navo_agenda.details import commitment_detail

        commitment = commitment_detail(db, slug)
        if commitment is not None:
            return commitment
    elif wanted == "meeting":
        return agenda.show_meeting(db, slug)
    elif wanted is None:
        meeting = meeting_store.get_meeting(db, slug)
        if meeting is not None:
            return meeting
    if wanted in (None, "document"):
        from navo_agenda.details import document_detail

        document = document_detail(db, slug)
        if document is not None:
            return document
    raise NotFound(not_found_message(db, key))


# What a key that names nothing might have meant: the nearest keys of the kinds its shape
# allows. Only on the way to an error, so the modules are imported here.


def not_found_message(db: Database, key: Key) -> str:
    from navo_agenda.store import commitments as commitment_store
    from navo_agenda.suggestions import did_you_mean

    slug = key.lowered
    if key.wanted == "commitment" or (key.wanted is None and key.is_ref()):
        if commitment_store.is_retired(db, slug):
            return f"no commitment {slug!r}: it was removed (its ref is never given out again)"
        tail = did_you_mean(suggest_refs(db, slug), "'navo-agenda commitments' lists them")
        return f"no commitment {slug!r}; {tail}"
    if key.wanted == "document":
        tail = did_you_mean(
            suggest_documents(db, slug), "'navo-agenda search WORDS' finds documents"
        )
        return f"no document {slug!r}; {tail}"
    tail = did_you_mean(
        suggest_meetings_or_documents(db, slug),
        "'navo-agenda list' shows the meetings there are, 'navo-agenda search WORDS' finds"
        " the rest",
    )
    return f"no meeting {slug!r}, nor a document with that slug; {tail}"


def suggest_refs(db: Database, ref: str) -> list[str]:
    from navo_agenda.store import commitments as commitment_store
    from navo_agenda.suggestions import candidates, closest

    refs = candidates(
        db,
        ref,
        commitment_store.count_commitments,
        commitment_store.refs_starting_with,
        within=ref.rsplit("-", 1)[0],  # c-2031 of c-2031-07: the refs of that year
    )
    return closest(ref, refs)


def suggest_documents(db: Database, slug: str) -> list[str]:
    from navo_agenda.store import documents as document_store
    from navo_agenda.suggestions import candidates, closest

    slugs = candidates(db, slug, document_store.count_documents, document_store.slugs_starting_with)
    return closest(slug, slugs)


def suggest_meetings_or_documents(db: Database, slug: str) -> list[str]:
    """A bare slug is a meeting's first: when meetings start with or contain what was typed,
    they are the suggestions, as `show` always made them. Otherwise the documents and
    commitments that start with or contain it, then whatever of the three is close."""
    from navo_agenda.store import commitments as commitment_store
    from navo_agenda.store import documents as document_store
    from navo_agenda.suggestions import candidates, closest

    if not slug:
        return []
    meetings = candidates(db, slug, meeting_store.count_meetings, meeting_store.slugs_starting_with)
    if any(slug in meeting for meeting in meetings):
        return closest(slug, meetings)  # what agenda.suggest_slugs gives
    documents = candidates(
        db, slug, document_store.count_documents, document_store.slugs_starting_with
    )
    refs = candidates(
        db, slug, commitment_store.count_commitments, commitment_store.refs_starting_with
    )
    return closest(slug, [*meetings, *documents, *refs])


def item_not_found(db: Database, slug: str, position: int) -> str:
    """No such meeting: the nearest meetings' items at that position, or the nearest
    meetings when none of them has one. No such item: the nearest position there is."""
    from navo_agenda.store import items as item_store
    from navo_agenda.suggestions import did_you_mean

    meeting = meeting_store.get_meeting_ref(db, slug)
    if meeting is not None:
        count = item_store.item_count(db, meeting.id)
        if count == 0:
            return f"{slug} has no agenda items; 'navo-agenda show {slug}' shows the meeting"
        nearest = f"{slug}/{min(max(position, 1), count)}"
        return f"{slug} has no agenda item {position} (it has {count}); did you mean {nearest}?"
    meetings = agenda.suggest_slugs(db, slug)
    items = []
    for suggestion in meetings:
        found = meeting_store.get_meeting_ref(db, suggestion)
        if found is not None and item_store.item_id_at(db, found.id, position) is not None:
            items.append(f"{suggestion}/{position}")
    tail = did_you_mean(items or meetings, "'navo-agenda list' shows the meetings there are")
    return f"no meeting {slug!r} (of the agenda item {slug}/{position}); {tail}"
