"""The seed data (data/seed.sql): faithful to the founding letter, consistent, portable.

These tests read a freshly migrated and seeded SQLite database (the `seeded_db` fixture) with
the standard library only, and the seed file itself as text.
"""

import calendar
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "seed.sql"
LETTER = ROOT / "data" / "letters" / "2025-05-21_geannoteerde-agenda_dmm-2025-06.txt"
LETTER_SLUG = "letter-2025-05-21"


@pytest.fixture
def db(seeded_db: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(seeded_db)  # the tests only ever read
    try:
        yield connection
    finally:
        connection.close()


def normalise(text: str) -> str:
    """Join words hyphenated across a line end, collapse whitespace runs, strip."""
    return " ".join(re.sub(r"-\s*\n\s*", "-", text).split())


def letter_text() -> str:
    return LETTER.read_bytes().decode("utf-8")


# --- 1. the letter is held whole -------------------------------------------------------------


def test_letter_body_is_the_letter_file_byte_for_byte(db: sqlite3.Connection) -> None:
    row = db.execute(
        "SELECT kind, identifier, dated, body FROM document WHERE slug = ?", (LETTER_SLUG,)
    ).fetchone()
    assert row is not None
    kind, identifier, dated, body = row
    assert (kind, identifier, dated) == ("letter", None, "2025-05-21")
    assert body == letter_text()
    assert body.encode("utf-8") == LETTER.read_bytes()


# --- 2. every quote is verbatim from its source ----------------------------------------------

QUOTES = """
    SELECT 'meeting ' || r.slug, 'source_quote', r.source_quote, d.slug, d.body
      FROM meeting r LEFT JOIN document d ON d.id = r.source_id
     WHERE r.source_quote IS NOT NULL
    UNION ALL
    SELECT 'item ' || m.slug || '#' || r.position, 'source_quote', r.source_quote, d.slug, d.body
      FROM agenda_item r JOIN meeting m ON m.id = r.meeting_id
      LEFT JOIN document d ON d.id = r.source_id
     WHERE r.source_quote IS NOT NULL
    UNION ALL
    SELECT 'item ' || m.slug || '#' || r.position, 'dutch_position', r.dutch_position, d.slug,
           d.body
      FROM agenda_item r JOIN meeting m ON m.id = r.meeting_id
      LEFT JOIN document d ON d.id = r.source_id
     WHERE r.dutch_position IS NOT NULL
    UNION ALL
    SELECT 'commitment ' || r.ref, 'source_quote', r.source_quote, d.slug, d.body
      FROM commitment r LEFT JOIN document d ON d.id = r.source_id
     WHERE r.source_quote IS NOT NULL
"""


def test_every_quote_occurs_verbatim_in_its_source_document(db: sqlite3.Connection) -> None:
    rows = db.execute(QUOTES).fetchall()
    assert len(rows) >= 30, "the seed lost its quotes"
    failures = []
    for record, column, quote, source, body in rows:
        if body is None:
            failures.append(f"{record}.{column}: source {source!r} has no body to quote from")
        elif normalise(quote) not in normalise(body):
            failures.append(f"{record}.{column} not in {source}: {quote[:80]!r}")
    assert not failures, "\n".join(failures)


def test_dutch_positions_are_the_letters_own_sentences(db: sqlite3.Connection) -> None:
    # Text from other documents (e.g. the cabinet position of Kamerstuk 28 676, nr. 519) is
    # kept out of dutch_position: it goes into a linked document and a commitment instead.
    sources = db.execute(
        "SELECT DISTINCT d.slug FROM agenda_item r LEFT JOIN document d ON d.id = r.source_id"
        " WHERE r.dutch_position IS NOT NULL"
    ).fetchall()
    assert sources == [(LETTER_SLUG,)]
    letter = normalise(letter_text())
    positions = [row[0] for row in db.execute("SELECT dutch_position FROM agenda_item")]
    assert sum(p is not None for p in positions) == 3
    for position in filter(None, positions):
        assert normalise(position) in letter
        assert normalise(position).endswith(".")


def test_quotes_from_documents_without_text_are_null(db: sqlite3.Connection) -> None:
    for table in ("meeting", "agenda_item", "commitment"):
        rows = db.execute(
            f"SELECT count(*) FROM {table} r JOIN document d ON d.id = r.source_id"
            " WHERE d.body IS NULL AND r.source_quote IS NOT NULL"
        ).fetchone()
        assert rows == (0,), table


# --- 3. the meetings -------------------------------------------------------------------------

# slug: (kind, parent, starts_on, ends_on, status, source)
MEETINGS = {
    "dmm-2025-06": ("dmm", None, "2025-06-05", "2025-06-05", "held", LETTER_SLUG),
    "npg-2025-06": ("npg", "dmm-2025-06", "2025-06-05", "2025-06-05", "held", LETTER_SLUG),
    "udcg-2025-06": ("udcg", "dmm-2025-06", "2025-06-04", "2025-06-04", "held", LETTER_SLUG),
    "summit-2025-06": ("summit", None, "2025-06-24", "2025-06-25", "held", LETTER_SLUG),
    "forum-2025-06": ("forum", "summit-2025-06", "2025-06-24", "2025-06-24", "held", LETTER_SLUG),
    "dinner-2025-06": ("dinner", "summit-2025-06", "2025-06-24", "2025-06-24", "held", LETTER_SLUG),
    "dmm-2025-02": ("dmm", None, "2025-02-13", "2025-02-13", "held", LETTER_SLUG),
    "summit-2023-07": ("summit", None, "2023-07-11", "2023-07-12", "held", LETTER_SLUG),
    "signing-2025-05": ("signing", None, "2025-05-07", "2025-05-07", "held", LETTER_SLUG),
    "dmm-2025-10": ("dmm", None, "2025-10-15", "2025-10-15", "held", "kst-28676-554"),
    "udcg-2025-10": ("udcg", "dmm-2025-10", "2025-10-15", "2025-10-15", "held", "kst-28676-554"),
    "dmm-2026-02": ("dmm", None, "2026-02-12", "2026-02-12", "planned", "kst-21501-28-296"),
    "udcg-2026-02": (
        "udcg",
        "dmm-2026-02",
        "2026-02-12",
        "2026-02-12",
        "planned",
        "kst-21501-28-296",
    ),
    "other-2026-02": ("other", None, "2026-02-11", "2026-02-11", "planned", "kst-21501-28-296"),
    "summit-2026-07": (
        "summit",
        None,
        "2026-07-07",
        "2026-07-08",
        "planned",
        "interfax-ankara-2026",
    ),
}


def test_meetings_have_their_parents_dates_statuses_and_sources(db: sqlite3.Connection) -> None:
    rows = db.execute(
        "SELECT m.slug, m.kind, p.slug, m.starts_on, m.ends_on, m.status, d.slug"
        "  FROM meeting m LEFT JOIN meeting p ON p.id = m.parent_id"
        "  LEFT JOIN document d ON d.id = m.source_id"
    ).fetchall()
    assert {row[0]: row[1:] for row in rows} == MEETINGS


@pytest.mark.parametrize(
    ("slug", "location", "time_note"),
    [
        ("dmm-2025-06", "NATO HQ, Brussels", None),
        ("npg-2025-06", "NATO HQ, Brussels", "last session of the ministerial"),
        ("summit-2025-06", "World Forum, The Hague", None),
        ("dinner-2025-06", "The Hague", "first evening of the summit"),
        ("signing-2025-05", None, None),
        ("other-2026-02", None, None),
    ],
)
def test_meeting_places_and_time_notes(
    db: sqlite3.Connection, slug: str, location: str | None, time_note: str | None
) -> None:
    row = db.execute("SELECT location, time_note FROM meeting WHERE slug = ?", (slug,)).fetchone()
    assert row == (location, time_note)


def test_meetings_not_yet_reported_have_no_outcome(db: sqlite3.Connection) -> None:
    rows = db.execute("SELECT slug, outcome FROM meeting WHERE status <> 'held'").fetchall()
    assert rows
    assert all(outcome is None for _, outcome in rows), rows


# --- 4. the agenda items ---------------------------------------------------------------------

# meeting: [(section, title)] in position order
ITEMS = {
    "dmm-2025-06": [
        ("Defence Ministers Meeting (DMM)", "Defence Ministers Meeting (DMM)"),
        ("Afschrikking en verdediging", "Capability Targets 2025 (CT25)"),
        ("Afschrikking en verdediging", "Voortgang implementatie militaire plannen en maatregelen"),
        ("Defensie-industrie", "Defensie-industrie"),
    ],
    "summit-2025-06": [("NAVO-top", "NAVO-top")],
    "udcg-2025-06": [("Oekraïne (UDCG)", "Oekraïne (UDCG)")],
    "npg-2025-06": [("Defence Ministers Meeting (DMM)", "Nucleair beleid van de NAVO")],
}
HEADINGS = [
    "Defence Ministers Meeting (DMM)",
    "Afschrikking en verdediging",
    "Capability Targets 2025 (CT25)",
    "Voortgang implementatie militaire plannen en maatregelen",
    "Defensie-industrie",
    "NAVO-top",
    "Oekraïne (UDCG)",
]


def test_agenda_items_are_the_letters_headings_in_order(db: sqlite3.Connection) -> None:
    rows = db.execute(
        "SELECT m.slug, i.position, i.section, i.title FROM agenda_item i"
        " JOIN meeting m ON m.id = i.meeting_id ORDER BY m.slug, i.position"
    ).fetchall()
    found: dict[str, list[tuple[str, str]]] = {}
    for slug, position, section, title in rows:
        found.setdefault(slug, []).append((section, title))
        assert position == len(found[slug]), f"{slug}: position {position} out of sequence"
    assert found == ITEMS


def test_headings_are_exactly_the_letters_heading_lines() -> None:
    lines = [line.strip() for line in letter_text().splitlines()]
    positions = [lines.index(heading) for heading in HEADINGS]
    assert positions == sorted(positions)
    titles = [title for items in ITEMS.values() for _, title in items]
    sections = {section for items in ITEMS.values() for section, _ in items}
    assert set(HEADINGS) == (set(titles) - {"Nucleair beleid van de NAVO"}) | sections


def test_item_topics_come_from_the_vocabulary(db: sqlite3.Connection) -> None:
    allowed = {
        "iamd",
        "space",
        "industry",
        "ukraine",
        "nuclear",
        "capabilities",
        "deterrence",
        "spending",
        "hybrid",
        "innovation",
        "summit",
    }
    topics = {row[0] for row in db.execute("SELECT topic FROM agenda_item_topic")}
    assert topics <= allowed
    untagged = db.execute(
        "SELECT count(*) FROM agenda_item i WHERE NOT EXISTS"
        " (SELECT 1 FROM agenda_item_topic t WHERE t.agenda_item_id = i.id)"
    ).fetchone()
    assert untagged == (0,)


# --- 5. amounts and due dates ----------------------------------------------------------------


def test_the_three_and_a_half_billion_is_exact(db: sqlite3.Connection) -> None:
    row = db.execute(
        "SELECT amount, currency, due, due_precision, due_end, status, source_quote"
        " FROM commitment WHERE ref = 'c-2025-007'"
    ).fetchone()
    assert row is not None
    amount, currency, due, precision, due_end, status, quote = row
    assert "€3,5 miljard" in quote
    assert (amount, currency) == ("3500000000", "EUR")
    assert (due, precision, due_end) == ("2025", "year", "2025-12-31")
    assert status == "open"  # FACTS: its delivery within 2025 is not verified


def test_only_the_three_and_a_half_billion_carries_an_amount(db: sqlite3.Connection) -> None:
    rows = db.execute("SELECT ref FROM commitment WHERE amount IS NOT NULL").fetchall()
    assert rows == [("c-2025-007",)]  # the 5% of GDP is a percentage, not money


@pytest.mark.parametrize(
    ("ref", "due"),
    [
        ("c-2025-001", ("2025-06", "month", "2025-06-30")),  # UDCG: the letter gives no day
        ("c-2025-002", ("2025-06-05", "day", "2025-06-05")),  # CT25 at the DMM
        ("c-2025-004", ("2025-06-24", "day", "2025-06-24")),  # NSDIF, first day of the summit
        ("c-2025-005", ("2025-06-25", "day", "2025-06-25")),  # the summit's topics
        ("c-2025-006", (None, None, None)),  # ongoing support: no date
        ("c-2025-008", ("2025-06", "month", "2025-06-30")),  # the call at the UDCG
        ("c-2025-015", ("2025-06-05", "day", "2025-06-05")),  # MoU at the DMM
        ("c-2025-017", ("2035", "year", "2035-12-31")),  # 5% of GDP by 2035
    ],
)
def test_due_dates_are_as_precise_as_the_source(
    db: sqlite3.Connection, ref: str, due: tuple[str | None, str | None, str | None]
) -> None:
    row = db.execute(
        "SELECT due, due_precision, due_end FROM commitment WHERE ref = ?", (ref,)
    ).fetchone()
    assert row == due


def last_day(due: str, precision: str) -> str:
    if precision == "year":
        return f"{due}-12-31"
    if precision == "quarter":
        year, quarter = due.split("-Q")
        month = 3 * int(quarter)
        return f"{year}-{month:02d}-{calendar.monthrange(int(year), month)[1]:02d}"
    if precision == "month":
        year, month = map(int, due.split("-"))
        return f"{due}-{calendar.monthrange(year, month)[1]:02d}"
    return due


DUE_FORMS = {
    "year": r"\d{4}",
    "quarter": r"\d{4}-Q[1-4]",
    "month": r"\d{4}-(0[1-9]|1[0-2])",
    "day": r"\d{4}-\d{2}-\d{2}",
}


def test_every_due_is_canonical_and_ends_on_its_last_day(db: sqlite3.Connection) -> None:
    rows = db.execute(
        "SELECT ref, due, due_precision, due_end FROM commitment WHERE due IS NOT NULL"
    ).fetchall()
    assert rows
    for ref, due, precision, due_end in rows:
        assert re.fullmatch(DUE_FORMS[precision], due), ref
        assert due_end == last_day(due, precision), ref


def test_commitment_refs_are_numbered_without_gaps(db: sqlite3.Connection) -> None:
    refs = [row[0] for row in db.execute("SELECT ref FROM commitment ORDER BY ref")]
    assert refs == [f"c-2025-{n:03d}" for n in range(1, len(refs) + 1)]
    assert len(refs) >= 12


def test_letter_commitments_follow_the_letters_order(db: sqlite3.Connection) -> None:
    letter = normalise(letter_text())
    rows = db.execute(
        "SELECT c.ref, c.source_quote FROM commitment c JOIN document d ON d.id = c.source_id"
        " WHERE d.slug = ? ORDER BY c.ref",
        (LETTER_SLUG,),
    ).fetchall()
    offsets = [letter.index(normalise(quote)) for _, quote in rows]
    assert offsets == sorted(offsets), [ref for ref, _ in rows]


def test_commitment_items_belong_to_the_commitments_meeting(db: sqlite3.Connection) -> None:
    rows = db.execute(
        "SELECT c.ref FROM commitment c JOIN agenda_item i ON i.id = c.agenda_item_id"
        " WHERE i.meeting_id <> c.meeting_id"
    ).fetchall()
    assert rows == []


# --- 6. status history -----------------------------------------------------------------------


def test_every_commitment_has_a_consistent_event_chain(db: sqlite3.Connection) -> None:
    commitments = db.execute("SELECT id, ref, status, source_id FROM commitment").fetchall()
    assert commitments
    for commitment_id, ref, status, source_id in commitments:
        events = db.execute(
            "SELECT from_status, to_status, source_id, at FROM commitment_event"
            " WHERE commitment_id = ? ORDER BY at, id",
            (commitment_id,),
        ).fetchall()
        assert events, f"{ref} has no history"
        assert events[0][0] is None, f"{ref}: the first event must start from nothing"
        assert events[0][1] == "open", ref
        assert events[0][2] == source_id, f"{ref}: the first event cites the record's source"
        for previous, event in zip(events, events[1:], strict=False):
            assert event[0] == previous[1], f"{ref}: broken chain at {event[3]}"
            assert event[2] is not None, f"{ref}: change of {event[3]} cites no source"
        assert events[-1][1] == status, f"{ref}: status {status} but history ends elsewhere"


def test_first_events_are_dated_by_their_source_document(db: sqlite3.Connection) -> None:
    rows = db.execute(
        "SELECT c.ref, e.at, d.dated FROM commitment_event e"
        " JOIN commitment c ON c.id = e.commitment_id JOIN document d ON d.id = e.source_id"
        " WHERE e.from_status IS NULL"
    ).fetchall()
    assert rows
    assert all(at == dated for _, at, dated in rows), rows


# What FACTS.md settles, and nothing else.
SETTLED = {
    "c-2025-001": ("fulfilled", "unn-2025-06-04"),
    "c-2025-002": ("fulfilled", "nato-pc-2025-06-05"),
    "c-2025-004": ("fulfilled", "defensie-nsdif"),
    "c-2025-005": ("fulfilled", "rijksoverheid-2025-06-26"),
    "c-2025-015": ("fulfilled", "rijksoverheid-2025-06-06"),
}


def test_status_changes_are_the_ones_facts_settles(db: sqlite3.Connection) -> None:
    rows = db.execute(
        "SELECT c.ref, e.to_status, d.slug FROM commitment_event e"
        " JOIN commitment c ON c.id = e.commitment_id LEFT JOIN document d ON d.id = e.source_id"
        " WHERE e.from_status IS NOT NULL"
    ).fetchall()
    assert {ref: (status, source) for ref, status, source in rows} == SETTLED
    assert len(rows) == len(SETTLED)
    still_open = db.execute(
        "SELECT ref FROM commitment WHERE status <> 'open' ORDER BY ref"
    ).fetchall()
    assert [ref for (ref,) in still_open] == sorted(SETTLED)


# --- 7. the seed file is portable ------------------------------------------------------------


def split_sql(text: str) -> tuple[str, list[str]]:
    """Return the SQL with string literals emptied and comments removed, and the literals."""
    code: list[str] = []
    literals: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "'":
            end = i + 1
            while True:
                end = text.index("'", end)  # ValueError: an unterminated literal
                if text.startswith("''", end):
                    end += 2
                    continue
                break
            literals.append(text[i + 1 : end].replace("''", "'"))
            code.append("''")
            i = end + 1
        elif text.startswith("--", i):
            newline = text.find("\n", i)
            i = len(text) if newline == -1 else newline
        elif text.startswith("/*", i):
            i = text.index("*/", i) + 2
        else:
            code.append(char)
            i += 1
    return "".join(code), literals


def test_seed_file_is_portable_sql() -> None:
    code, literals = split_sql(SEED.read_text(encoding="utf-8"))
    for word in ("PRAGMA", "BEGIN", "COMMIT", "ROLLBACK", "AUTOINCREMENT", "RETURNING"):
        assert not re.search(rf"\b{word}\b", code, re.IGNORECASE), word
    assert not re.search(r"\bINSERT\s+OR\b", code, re.IGNORECASE)
    assert not re.search(r"\bON\s+CONFLICT\b", code, re.IGNORECASE)
    assert "`" not in code
    assert '"' not in code  # neither double-quoted strings nor quoted identifiers
    assert "::" not in code  # PostgreSQL casts
    assert not re.search(r"\b[EeXxBbNn]''", code)  # prefixed literals
    statements = [s.strip() for s in code.split(";")]
    assert statements[-1] == ""
    assert len(statements) > 100
    for statement in statements[:-1]:
        assert re.match(r"INSERT INTO \w+ \(", statement), statement[:60]
    for columns in re.findall(r"INSERT INTO \w+ \(([^)]*)\)", code):
        names = {name.strip() for name in columns.split(",")}
        assert not names & {"id", "created_at", "updated_at", "version"}, columns
    assert len(literals) > 500


def test_seed_literals_hold_no_bind_parameter_lookalikes() -> None:
    # A loader that runs each statement through SQLAlchemy's text() would take ':name' inside
    # a string literal for a bind parameter.
    _, literals = split_sql(SEED.read_text(encoding="utf-8"))
    for literal in literals:
        assert not re.search(r"(?<![:\w\\]):\w", literal), literal[:80]
