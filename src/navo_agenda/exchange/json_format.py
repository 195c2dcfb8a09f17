"""The JSON export format: writing it, and reading it strictly (docs/export.md).

Writing is deterministic, so that export, import into an empty database and export again
give the same bytes: records in key order, keys in a fixed order, no timestamp of the export,
UTF-8 as is (ensure_ascii off). Each record stands on a line of its own, which keeps the file
readable, diffs small and the writing in the C encoder.

Reading trusts nothing: a file may be truncated, hand-edited or hostile. Every value is
checked for its type, its allowed words, canonical dates and partial dates and decimal
strings; keys must be unique within the file and histories must be chains. A problem is
reported as the file's name, the JSON path of the value and what is wrong with it. Numbers
this format never uses (fractions, exponents, NaN, Infinity) and duplicate keys are caught
by the parser's hooks and reported where they stand, as is a whole number out of range
(10^400); the checks themselves are in exchange/checks.py.
"""

import json
import re
from collections.abc import Callable, Iterator, Sequence
from itertools import accumulate, chain, repeat
from operator import and_, eq, ge, is_, is_not, itemgetter, le, sub
from typing import Any, NamedTuple, cast

from navo_agenda.errors import BadFile
from navo_agenda.exchange.checks import (
    LIST,
    OPTIONAL,
    REQUIRED,
    Amount,
    Bad,
    Canonical,
    Currency,
    Duplicated,
    ListOf,
    Number,
    Pattern,
    RecordOf,
    Spec,
    Table,
    Text,
    Url,
    Whole,
    Word,
    as_object,
    day_problem,
    described,
    itself,
    partial_problem,
    stamp_problem,
)
from navo_agenda.exchange.snapshot import Columns, NoProgress, Progress, Record, Snapshot, shown
from navo_agenda.store.changes import MAX_VERSION
from navo_agenda.texts import BODY_LIMIT
from navo_agenda.vocabulary import (
    COMMITMENT_KINDS,
    COMMITMENT_STATUSES,
    DOCUMENT_KINDS,
    DOCUMENT_RELATIONS,
    MEETING_KINDS,
    MEETING_STATUSES,
)

FORMAT = "navo-agenda/export"
VERSION = 1
LISTS = ("documents", "meetings", "agenda_items", "commitments")
# Written only when the database has removed a commitment: a file without it is what every
# navo-agenda of format version 1 reads.
RETIRED = "retired"

BATCH = 1_000  # records per progress step and per piece of output

_encode = json.JSONEncoder(ensure_ascii=False).encode


def dump(snapshot: Snapshot, progress: Progress | None = None) -> Iterator[str]:
    """The export as pieces of text, to be written one after the other."""
    progress = progress or NoProgress()
    progress.start("Exporting", snapshot.record_count())
    yield (
        f'{{\n"format": {_encode(FORMAT)},\n"version": {VERSION},\n'
        f'"selection": {_encode(snapshot.selection)},\n'
    )
    names = (*LISTS, RETIRED) if snapshot.retired else LISTS
    for number, name in enumerate(names):
        records: Sequence[Record] = getattr(snapshot, name)
        end = ",\n" if number < len(names) - 1 else "\n"
        if not records:
            yield f'"{name}": []{end}'
            continue
        yield f'"{name}": [\n'
        for start in range(0, len(records), BATCH):
            part = records[start : start + BATCH]
            more = ",\n" if start + BATCH < len(records) else "\n"
            yield ",\n".join(map(_encode, part)) + more
            progress.advance(len(part) + sum(len(r.get("events", ())) for r in part))
        yield f"]{end}"
    yield "}\n"


# -- reading -----------------------------------------------------------------------------------


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) == len(pairs):
        return found
    duplicated = Duplicated(found)
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            duplicated.key = key
            break
        seen.add(key)
    return duplicated


slug = Pattern(r"[a-z0-9][a-z0-9-]{0,63}", "a key of lowercase letters, digits and hyphens")
ref = Pattern(r"c-[0-9]{4}-[0-9]{1,26}", "a commitment ref like c-2025-007")
topic = Pattern(r"[a-z0-9][a-z0-9-]{0,31}", "a topic tag (lowercase letters, digits, hyphens)")
position = Whole(1, 999_999_999)
day = Canonical(day_problem, "a date like 2025-06-05", 10)
partial = Canonical(partial_problem, "a partial date like 2026-Q3", 10)
timestamp = Canonical(stamp_problem, "a UTC time like 2026-11-28T02:35:59Z", 40)
BOOKKEEPING = (
    ("created_at", timestamp, OPTIONAL),
    ("updated_at", timestamp, OPTIONAL),
    ("version", Whole(1, MAX_VERSION), OPTIONAL),  # store/changes.py says why
)
LINK = Spec(
    "a link to a document",
    (("document", slug, REQUIRED), ("relation", Word(DOCUMENT_RELATIONS), REQUIRED)),
)
links = ListOf(RecordOf(LINK), lambda link: (link["document"], link["relation"]), "the link")
EVENT = Spec(
    "an event",
    (
        ("at", day, REQUIRED),
        ("from_status", Word(COMMITMENT_STATUSES), OPTIONAL),
        ("to_status", Word(COMMITMENT_STATUSES), REQUIRED),
        ("note", Text(), OPTIONAL),
        ("author", Text(), OPTIONAL),
        ("source", slug, OPTIONAL),
        *BOOKKEEPING,
    ),
)
DOCUMENT = Spec(
    "a document",
    (
        ("slug", slug, REQUIRED),
        ("kind", Word(DOCUMENT_KINDS), REQUIRED),
        ("identifier", Text(200), OPTIONAL),
        ("title", Text(required=True), REQUIRED),
        ("dated", day, OPTIONAL),
        ("url", Url(), OPTIONAL),
        ("body", Text(BODY_LIMIT), OPTIONAL),
        *BOOKKEEPING,
    ),
)
MEETING = Spec(
    "a meeting",
    (
        ("slug", slug, REQUIRED),
        ("kind", Word(MEETING_KINDS), REQUIRED),
        ("title", Text(required=True), REQUIRED),
        ("title_nl", Text(), OPTIONAL),
        ("location", Text(), OPTIONAL),
        ("starts_on", day, REQUIRED),
        ("ends_on", day, REQUIRED),
        ("time_note", Text(), OPTIONAL),
        ("parent", slug, OPTIONAL),
        ("status", Word(MEETING_STATUSES), REQUIRED),
        ("summary", Text(), OPTIONAL),
        ("outcome", Text(), OPTIONAL),
        ("source", slug, OPTIONAL),
        ("source_quote", Text(), OPTIONAL),
        ("external_uid", Text(255), OPTIONAL),
        ("documents", links, LIST),
        *BOOKKEEPING,
    ),
)
ITEM = Spec(
    "an agenda item",
    (
        ("meeting", slug, REQUIRED),
        ("position", position, REQUIRED),
        ("section", Text(), OPTIONAL),
        ("title", Text(required=True), REQUIRED),
        ("summary", Text(), OPTIONAL),
        ("dutch_position", Text(), OPTIONAL),
        ("outcome", Text(), OPTIONAL),
        ("topics", ListOf(topic, itself, "the topic"), LIST),
        ("source", slug, OPTIONAL),
        ("source_quote", Text(), OPTIONAL),
        ("documents", links, LIST),
        *BOOKKEEPING,
    ),
)
COMMITMENT = Spec(
    "a commitment",
    (
        ("ref", ref, REQUIRED),
        ("meeting", slug, REQUIRED),
        ("item", position, OPTIONAL),
        ("text", Text(required=True), REQUIRED),
        ("actor", Text(required=True), REQUIRED),
        ("kind", Word(COMMITMENT_KINDS), REQUIRED),
        ("due", partial, OPTIONAL),
        ("amount", Amount(), OPTIONAL),
        ("currency", Currency(), OPTIONAL),
        ("status", Word(COMMITMENT_STATUSES), REQUIRED),
        ("source", slug, OPTIONAL),
        ("source_quote", Text(), OPTIONAL),
        ("documents", links, LIST),
        *BOOKKEEPING,
        ("events", ListOf(RecordOf(EVENT)), LIST),
    ),
)
RETIRED_REF = Spec(
    "a removed commitment's ref",
    (("ref", ref, REQUIRED), ("retired_at", timestamp, OPTIONAL)),
)
SELECTION = Spec(
    "a selection",
    (
        ("meeting", slug, OPTIONAL),
        ("kinds", ListOf(Word(MEETING_KINDS), itself, "the kind"), LIST),
        ("from", partial, OPTIONAL),
        ("to", partial, OPTIONAL),
    ),
)


def quoted_source(r: Record) -> None:
    if r["source_quote"] is not None and r["source"] is None:
        raise Bad("a quote needs its source: the document it is from", ".source_quote")


def meeting_rules(r: Record) -> None:
    if r["ends_on"] < r["starts_on"]:
        raise Bad(f"{r['ends_on']} is before starts_on {r['starts_on']}", ".ends_on")
    if r["parent"] == r["slug"]:
        raise Bad("a meeting cannot sit within itself", ".parent")
    quoted_source(r)


def commitment_rules(r: Record) -> None:
    quoted_source(r)
    if r["amount"] is not None and r["currency"] is None:
        raise Bad("an amount needs its currency", ".currency")
    if r["currency"] is not None and r["amount"] is None:
        raise Bad("a currency without an amount", ".currency")
    history(r)


def history(r: Record) -> None:
    """The events are a chain in time order from nothing to the commitment's status."""
    events = r["events"]
    if not events:
        raise Bad(
            "a commitment's history starts with the event that recorded it; there is none",
            ".events",
        )
    before: str | None = None
    last_at = ""
    for number, event in enumerate(events):
        at = f".events[{number}]"
        if event["from_status"] != before:
            wanted = "null (from nothing)" if before is None else repr(before)
            raise Bad(
                f"{shown(event['from_status'])} does not continue the history: it must be"
                f" {wanted}, where the event before it ends",
                f"{at}.from_status",
            )
        if event["to_status"] == before:
            raise Bad(f"{before!r} to {before!r} is not a change of status", f"{at}.to_status")
        if event["at"] < last_at:
            raise Bad(
                f"{event['at']} is before the event before it ({last_at}): a history is in"
                " time order",
                f"{at}.at",
            )
        before, last_at = event["to_status"], event["at"]
    if r["status"] != before:
        raise Bad(
            f"{r['status']!r} is not where its history ends ({before!r}): the last event sets"
            " the status",
            ".status",
        )


# The same rules, for all records of a list at once: whether none breaks one. A few passes
# over the columns in C instead of a call per record; only when one is broken are the
# records gone through one by one, to say which and where.


def quotes_hold(c: Columns) -> bool:
    """What quoted_source() says of each record."""
    absent = map(is_, c["source"], repeat(None))
    return not any(map(and_, map(is_not, c["source_quote"], repeat(None)), absent))


def meeting_rules_hold(c: Columns) -> bool:
    return (
        all(map(ge, c["ends_on"], c["starts_on"]))
        and not any(map(eq, c["parent"], c["slug"]))
        and quotes_hold(c)
    )


def commitment_rules_hold(c: Columns) -> bool:
    amounts = list(map(is_, c["amount"], repeat(None)))
    return (
        quotes_hold(c)
        and amounts == list(map(is_, c["currency"], repeat(None)))
        and histories_hold(c["events"], c["status"])
    )


def histories_hold(histories: Sequence[list[Record]], statuses: Sequence[str]) -> bool:
    """What history() says of each commitment, of all of them: each event continues the
    one before it (the first one, nothing), in time order, and the last one sets the
    commitment's status."""
    if not all(histories):
        return False
    events = list(chain.from_iterable(histories))
    ends = list(accumulate(map(len, histories)))
    source, target, at = (list(map(itemgetter(key), events)) for key in EVENT_CHAIN)
    before, earlier = [None, *target[:-1]], ["", *at[:-1]]
    for start in (0, *ends[:-1]):  # a history's first event continues nothing
        before[start], earlier[start] = None, ""
    return (
        source == before
        and not any(map(eq, target, before))
        and all(map(le, earlier, at))
        and list(map(target.__getitem__, map(sub, ends, repeat(1)))) == list(statuses)
    )


EVENT_CHAIN = ("from_status", "to_status", "at")


class Kind(NamedTuple):
    """A list of the file: the check of each record, the rules across a record's keys
    (raising Bad), and the same rules for all records of the list at once."""

    check: RecordOf
    rules: Callable[[Record], None] | None = None
    hold: Callable[[Columns], bool] | None = None


RECORDS = {
    "documents": Kind(RecordOf(DOCUMENT)),
    "meetings": Kind(RecordOf(MEETING), meeting_rules, meeting_rules_hold),
    "agenda_items": Kind(RecordOf(ITEM), quoted_source, quotes_hold),
    "commitments": Kind(RecordOf(COMMITMENT), commitment_rules, commitment_rules_hold),
    RETIRED: Kind(RecordOf(RETIRED_REF)),
}
# Within a file, each of these names one record only: (list, path within the record, key).
UNIQUE: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("documents", ".slug", ("slug",)),
    ("documents", ".identifier", ("identifier",)),
    ("meetings", ".slug", ("slug",)),
    ("meetings", ".external_uid", ("external_uid",)),
    ("agenda_items", ".position", ("meeting", "position")),
    ("commitments", ".ref", ("ref",)),
    (RETIRED, ".ref", ("ref",)),
)


# What could put a lone surrogate, a control character or a leading byte order mark
# (texts.py) into a text read from UTF-8 JSON: the escape of a surrogate (\uD800 to \uDFFF),
# of a control character (the C0 ones cannot stand unescaped in JSON) or of U+FEFF, DEL, a C1
# character as UTF-8 (C2 80 to C2 9F), or U+FEFF as UTF-8 after the file's own first bytes.
# A file without any is checked column by column; one with any, record by record. Searches
# with a fixed first byte each: one pattern with all of them would read the file byte by
# byte, ten times slower.
ESCAPES = re.compile(rb"\\u(?:[dD][89a-fA-F]|00[0189]|007[fF]|[fF][eE][fF][fF])")
C1 = re.compile(rb"\xc2[\x80-\x9f]")
UTF8_BOM = b"\xef\xbb\xbf"
INNER_BOM = re.compile(re.escape(UTF8_BOM))  # searched for after the file's own


def suspect(data: bytes) -> bool:
    return (
        ESCAPES.search(data) is not None
        or b"\x7f" in data
        or (b"\xc2" in data and C1.search(data) is not None)
        or (data.find(b"\xef", 3) != -1 and INNER_BOM.search(data, 3) is not None)
    )


def parse(data: bytes, *, name: str, progress: Progress | None = None) -> Snapshot:
    """The records of an export file, checked; BadFile names the file and the path."""
    progress = progress or NoProgress()
    by_column = not suspect(data)
    top = load(data, name)
    try:
        selection, lists = outline(top)
    except Bad as bad:
        raise problem(name, "$", bad) from None
    progress.start("Checking", sum(map(len, lists.values())))
    tables: dict[str, Table] = {}
    for key, listed in lists.items():
        tables[key] = checked(key, listed, name, by_column=by_column)
        progress.advance(len(listed))
    for key, where, fields in UNIQUE:
        unique(key, where, fields, tables[key], name)
    not_retired(tables["commitments"], tables[RETIRED], name)
    documents, meetings, items, commitments = (tables[key].records for key in LISTS)
    return Snapshot(
        selection,
        cast("list[Record]", documents),
        cast("list[Record]", meetings),
        cast("list[Record]", items),
        cast("list[Record]", commitments),
        {key: table.columns for key, table in tables.items()},
        retired=tables[RETIRED].records,
    )


def not_retired(commitments: Table, retired: Table, name: str) -> None:
    """A ref the file says was removed is not also one of its commitments."""
    if not retired.records:
        return
    live = {value: number for number, value in enumerate(commitments.columns["ref"])}
    for number, value in enumerate(retired.columns["ref"]):
        if value in live:
            at = f"$.commitments[{live[value]}]"
            bad = Bad(f"{shown(value)} is listed as removed but is a commitment of the file too"
                      f" (at {at})", ".ref")  # fmt: skip
            raise problem(name, f"$.{RETIRED}[{number}]", bad)


def problem(name: str, path: str, bad: Bad) -> BadFile:
    return BadFile(f"{name}: {path}{bad.at}: {bad.message}")


def outline(top: Any) -> tuple[Record | None, dict[str, list[Any]]]:
    """The file's selection and its lists of records (unchecked), once the outline of an
    export is there: format, version, no unknown key, lists where lists belong."""
    top = as_object(top)
    if top.get("format") != FORMAT:
        raise Bad(
            f'not a navo-agenda export: it needs "format": "{FORMAT}"',
            ".format" if "format" in top else "",
        )
    version = top.get("version")
    if type(version) is int and version > VERSION:
        raise Bad(
            f"version {described(version).removeprefix('the number ')} of the format is from a"
            f" newer navo-agenda; this one reads version {VERSION}",
            ".version",
        )
    if type(version) is not int or version != VERSION:
        raise Bad(f"expected {VERSION}, not {described(version)}", ".version")
    unknown = set(top) - {"format", "version", "selection", *LISTS, RETIRED}
    if unknown:
        raise Bad(
            f"unknown key {shown(min(unknown))}; an export has: format, version, selection,"
            f" {', '.join(LISTS)}, {RETIRED}"
        )
    selection = None
    if top.get("selection") is not None:
        try:
            selection = RecordOf(SELECTION)(top["selection"])
        except Bad as bad:
            raise Bad(bad.message, f".selection{bad.at}") from None
    for key in (*LISTS, RETIRED):
        if top.get(key) is not None and type(top[key]) is not list:
            raise Bad(f"expected a list, not {described(top[key])}", f".{key}")
    return selection, {key: top.get(key) or [] for key in (*LISTS, RETIRED)}


def checked(key: str, listed: list[Any], name: str, *, by_column: bool = True) -> Table:
    """One list of the file checked: column by column, and only when that finds a problem
    (or `by_column` is off), record by record, to say where it is."""
    check, rules, hold = RECORDS[key]
    table = check.table(listed) if by_column else None
    if table is not None and (hold is None or hold(table.columns)):
        return table
    records = []
    for number, value in enumerate(listed):
        try:
            found = check(value)
            if rules is not None:
                rules(found)
        except Bad as bad:
            raise problem(name, f"$.{key}[{number}]", bad) from None
        records.append(found)
    return Table.of(records, check.keys)


def unique(key: str, where: str, fields: tuple[str, ...], table: Table, name: str) -> None:
    """No two records of the list have the same value (null aside) of `fields`."""
    columns = [table.columns[field] for field in fields]
    if len(columns) > 1:  # then no value is null
        values: Sequence[Any] = list(zip(*columns, strict=True))
        if len(set(values)) == len(values):
            return
    else:
        values = columns[0]
        if len(set(values) - {None}) == len(values) - values.count(None):
            return
    seen: dict[Any, int] = {}
    for number, value in enumerate(values):
        if value is None:
            continue
        if value in seen:
            message = f"appears twice in the file (also at $.{key}[{seen[value]}])"
            raise problem(name, f"$.{key}[{number}]", Bad(f"{shown(value)} {message}", where))
        seen[value] = number


def load(data: bytes, name: str) -> Any:
    """The JSON value in the file, with the hooks that keep its surprises for the checks."""
    if data.startswith(UTF8_BOM):
        data = data[3:]
    try:
        decoded = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BadFile(
            f"{name}: not UTF-8 text: byte 0x{data[error.start]:02x} at offset {error.start:,}"
        ) from None
    try:
        return json.loads(
            decoded,
            object_pairs_hook=_object,
            parse_float=Number,
            parse_constant=Number,
        )
    except RecursionError:
        raise BadFile(f"{name}: not valid JSON: nested too deeply") from None
    except json.JSONDecodeError as error:
        raise BadFile(
            f"{name}: not valid JSON: {error.msg.removesuffix(' at')} at line {error.lineno},"
            f" column {error.colno}"
        ) from None
    except ValueError:  # the only other: an integer too long for int() (sys.int_info)
        raise BadFile(f"{name}: not valid JSON: a number of more than 4300 digits") from None
