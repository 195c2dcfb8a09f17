"""Big-database benchmark: do the read commands stay interactive at DESIGN's scale?

DESIGN (section 7) promises that queries stay interactive at 100,000 meetings, 1,000,000 agenda
items and 300,000 commitments. This script builds such a database and times the real CLI on it.
It reports times, it does not judge them: "interactive" has no budget figure yet, and a figure
measured on one machine would not carry over to another. Beside each command it prints its
multiple of the floor (Python starting with Typer and Rich, see startup.py), and the time of the
same command with --json, which runs the same query but skips the Rich table: the difference
tells whether a slow command is slow in the database or in the drawing.

The database is created by the CLI itself (`db init --empty`: the real schema, migrations,
constraints and indexes), then filled with synthetic rows by the standard sqlite3 module in one
transaction, from generators through executemany; ids are assigned here, so items and
commitments can point at their meeting without reading anything back. The data are made to
exercise the queries: 40 years of meetings around the fixed "today" of 2026-11-28 (so the
upcoming list is long), every kind and status, multi-day meetings, NPG/UDCG meetings inside a
DMM, 1-2 topics per item, commitments with due dates of every precision, some with amounts.
Generation is seeded, so two runs build the same database.

    python bench/bigdata.py                    # 100,000 meetings (about 4 minutes on 2 cores)
    python bench/bigdata.py --meetings 10000   # a quick run (under a minute)
    python bench/bigdata.py --keep big.db      # keep the database to explore it
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

TODAY = date(2026, 11, 28)
FIRST_DAY = date(2000, 1, 1)
LAST_DAY = date(2039, 12, 31)
COLUMNS = "100"
DEFAULT_MEETINGS = 100_000
DEFAULT_ITEMS = 10
COMMITMENTS_PER_MEETING = 3  # 300,000 at the default size, as in DESIGN
DEFAULT_REPEAT = 5
DEFAULT_SECONDS_EACH = 60.0
DEFAULT_SEED = 20261128
FLOOR_CODE = "import sqlite3, typer; from rich.console import Console; from rich.table import Table"

# Kinds and statuses are the schema's closed lists (CHECK constraints reject anything else).
KINDS = ("dmm", "npg", "udcg", "summit", "forum", "dinner", "signing", "other")
KIND_TITLES = {
    "dmm": "NATO Defence Ministers Meeting",
    "npg": "Nuclear Planning Group",
    "udcg": "Ukraine Defence Contact Group",
    "summit": "NATO Summit",
    "forum": "NATO Summit Defence Industry Forum",
    "dinner": "Ministerial dinner",
    "signing": "Signing of a letter of intent",
    "other": "Other meeting",
}
PAST_STATUSES = (("held", 90), ("cancelled", 5), ("postponed", 5))
FUTURE_STATUSES = (("planned", 75), ("expected", 20), ("postponed", 3), ("cancelled", 2))
COMMITMENT_KINDS = ("pledge", "expected", "position")
COMMITMENT_STATUSES = ("open", "in_progress", "fulfilled", "partially_fulfilled", "dropped")
PRECISIONS = ("year", "quarter", "month", "week", "day")
DOCUMENT_KINDS = ("letter", "kamerstuk", "strategy", "declaration", "mou", "other")
LOCATIONS = ("NATO HQ, Brussels", "The Hague", "Vilnius", "Washington", "Madrid", "Ramstein")
SECTIONS = (
    "Afschrikking en verdediging",
    "Oekraïne",
    "Defensie-industrie",
    "Partnerschappen",
    "Overig",
)
TOPICS = (
    "iamd",
    "space",
    "industry",
    "ukraine",
    "nuclear",
    "cyber",
    "hybrid",
    "capability-targets",
    "spending",
    "mobility",
    "innovation",
    "partnerships",
    "arctic",
    "baltic",
    "terrorism",
)
ACTORS = ("Nederland", "Minister van Defensie", "Bondgenoten", "NAVO", "Kabinet")
TEXT = (
    "Nederland zet zich in voor een sterkere en beter gecoördineerde bijdrage van de "
    "bondgenoten aan de collectieve verdediging."
)


@dataclass(frozen=True)
class Sizes:
    meetings: int
    items_per_meeting: int
    commitments: int

    @property
    def items(self) -> int:
        return self.meetings * self.items_per_meeting

    @property
    def documents(self) -> int:
        return max(1, self.meetings // 4)


@dataclass
class Generated:
    """Counted while generating: topics per item are drawn at random."""

    topic_rows: int = 0


# -- generating ----------------------------------------------------------------------------


def weighted(rng: random.Random, choices: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([word for word, _ in choices], [weight for _, weight in choices])[0]


def documents(rng: random.Random, sizes: Sizes) -> Iterator[tuple[object, ...]]:
    span = (LAST_DAY - FIRST_DAY).days
    for number in range(1, sizes.documents + 1):
        kind = rng.choice(DOCUMENT_KINDS)
        identifier = f"Kamerstuk 28 676, nr. {number}" if kind == "kamerstuk" else None
        dated = FIRST_DAY + timedelta(days=number * span // sizes.documents)
        yield (
            number,
            f"doc-{number:07d}",
            kind,
            identifier,
            f"Kamerbrief {number} over de NAVO-ministeriële bijeenkomst",
            dated,
            None,
            None,
        )


def meeting_dates(sizes: Sizes) -> list[date]:
    """Evenly spread over the 40 years, several a day at full size, in date order."""
    span = (LAST_DAY - FIRST_DAY).days + 1
    return [FIRST_DAY + timedelta(days=i * span // sizes.meetings) for i in range(sizes.meetings)]


def meetings(rng: random.Random, sizes: Sizes, days: list[date]) -> Iterator[tuple[object, ...]]:
    taken: dict[str, int] = {}
    last_dmm: tuple[int, date] | None = None
    for meeting_id, starts_on in enumerate(days, start=1):
        kind = rng.choice(KINDS)
        base = f"{kind}-{starts_on.isoformat()}"
        taken[base] = taken.get(base, 0) + 1
        slug = base if taken[base] == 1 else f"{base}-{taken[base]}"
        ends_on = starts_on + timedelta(days=rng.choice((0, 0, 0, 0, 1, 2)))
        parent = None
        if kind in ("npg", "udcg") and last_dmm and (starts_on - last_dmm[1]).days <= 2:
            parent = last_dmm[0]
        if kind == "dmm":
            last_dmm = (meeting_id, starts_on)
        status = weighted(rng, PAST_STATUSES if ends_on < TODAY else FUTURE_STATUSES)
        source = rng.randrange(1, sizes.documents + 1) if rng.random() < 0.7 else None
        yield (
            meeting_id,
            slug,
            kind,
            f"{KIND_TITLES[kind]} {starts_on:%B %Y}",
            None,
            rng.choice(LOCATIONS),
            starts_on,
            ends_on,
            "evening" if kind == "dinner" else None,
            parent,
            status,
            TEXT,
            "Afgerond volgens plan." if status == "held" else None,
            source,
            TEXT if source else None,
        )


def agenda_items(rng: random.Random, sizes: Sizes) -> Iterator[tuple[object, ...]]:
    item_id = 0
    for meeting_id in range(1, sizes.meetings + 1):
        for position in range(1, sizes.items_per_meeting + 1):
            item_id += 1
            yield (
                item_id,
                meeting_id,
                position,
                SECTIONS[(position - 1) * len(SECTIONS) // sizes.items_per_meeting],
                f"Agendapunt {position}",
                TEXT,
                TEXT,
                None,
                rng.randrange(1, sizes.documents + 1) if rng.random() < 0.3 else None,
                None,
            )


def item_topics(
    rng: random.Random, sizes: Sizes, generated: Generated
) -> Iterator[tuple[int, str]]:
    for item_id in range(1, sizes.items + 1):
        for topic in rng.sample(TOPICS, rng.choice((1, 1, 2, 2))):
            generated.topic_rows += 1
            yield (item_id, topic)


def partial_due(rng: random.Random, around: date) -> tuple[str, str, date]:
    """A due date as stored: canonical text, precision, and its last day."""
    day = around + timedelta(days=rng.randrange(30, 3 * 365))
    precision = rng.choice(PRECISIONS)
    if precision == "year":
        return f"{day.year:04d}", precision, date(day.year, 12, 31)
    if precision == "quarter":
        quarter = (day.month - 1) // 3 + 1
        end_month = 3 * quarter
        return f"{day.year:04d}-Q{quarter}", precision, last_of_month(day.year, end_month)
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}", precision, last_of_month(day.year, day.month)
    if precision == "week":
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}", precision, date.fromisocalendar(year, week, 7)
    return day.isoformat(), precision, day


def last_of_month(year: int, month: int) -> date:
    following = date(year + month // 12, month % 12 + 1, 1)
    return following - timedelta(days=1)


def commitments(rng: random.Random, sizes: Sizes, days: list[date]) -> Iterator[tuple[object, ...]]:
    for number in range(1, sizes.commitments + 1):
        meeting_id = rng.randrange(1, sizes.meetings + 1)
        held_on = days[meeting_id - 1]
        item = None
        if sizes.items_per_meeting and rng.random() < 0.7:
            item = (meeting_id - 1) * sizes.items_per_meeting + rng.randrange(
                1, sizes.items_per_meeting + 1
            )
        due, precision, due_end = partial_due(rng, held_on) if rng.random() < 0.8 else (None,) * 3
        amount = (
            Decimal(rng.randrange(1, 400)) * Decimal("10000000") if rng.random() < 0.2 else None
        )
        status = rng.choice(COMMITMENT_STATUSES) if held_on < TODAY else "open"
        source = rng.randrange(1, sizes.documents + 1) if rng.random() < 0.8 else None
        yield (
            number,
            f"c-{held_on.year}-{number:07d}",
            TEXT,
            rng.choice(ACTORS),
            rng.choice(COMMITMENT_KINDS),
            meeting_id,
            item,
            due,
            precision,
            due_end,
            None if amount is None else format(amount, "f"),
            None if amount is None else "EUR",
            status,
            source,
            TEXT if source else None,
        )


INSERTS = {
    "document": "INSERT INTO document (id, slug, kind, identifier, title, dated, url, body)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    "meeting": "INSERT INTO meeting (id, slug, kind, title, title_nl, location, starts_on,"
    " ends_on, time_note, parent_id, status, summary, outcome, source_id, source_quote)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "agenda_item": "INSERT INTO agenda_item (id, meeting_id, position, section, title, summary,"
    " dutch_position, outcome, source_id, source_quote) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "agenda_item_topic": "INSERT INTO agenda_item_topic (agenda_item_id, topic) VALUES (?, ?)",
    "commitment": "INSERT INTO commitment (id, ref, text, actor, kind, meeting_id,"
    " agenda_item_id, due, due_precision, due_end, amount, currency, status, source_id,"
    " source_quote) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
}


def fill(path: Path, sizes: Sizes, seed: int, log: bool) -> Generated:
    """All rows in one transaction; the WAL journal and fsyncs are off only meanwhile."""
    rng = random.Random(seed)
    days = meeting_dates(sizes)
    generated = Generated()
    connection = sqlite3.connect(path, isolation_level=None)
    sqlite3.register_adapter(date, date.isoformat)
    try:
        connection.execute("PRAGMA journal_mode = DELETE")
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute("PRAGMA cache_size = -262144")  # 256 MiB for the index b-trees
        connection.execute("BEGIN IMMEDIATE")
        rows = {
            "document": documents(rng, sizes),
            "meeting": meetings(rng, sizes, days),
            "agenda_item": agenda_items(rng, sizes),
            "agenda_item_topic": item_topics(rng, sizes, generated),
            "commitment": commitments(rng, sizes, days),
        }
        for table, generator in rows.items():
            started = time.perf_counter()
            connection.executemany(INSERTS[table], generator)
            if log:
                note(f"  {table}: {time.perf_counter() - started:.1f} s")
        connection.execute("COMMIT")
        problems = connection.execute("PRAGMA foreign_key_check").fetchmany(5)
        if problems:
            raise SystemExit(f"generated rows break foreign keys: {problems}")
        started = time.perf_counter()
        connection.execute("ANALYZE")
        if log:
            note(f"  ANALYZE: {time.perf_counter() - started:.1f} s")
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute("PRAGMA journal_mode = WAL")  # as the CLI creates it
    finally:
        connection.close()
    return generated


def pick_slugs(path: Path) -> tuple[str, str]:
    """A meeting of June 2031 with the most commitments, and a mistyped slug near it."""
    connection = sqlite3.connect(path)
    try:
        found = connection.execute(
            "SELECT m.slug FROM meeting m LEFT JOIN commitment c ON c.meeting_id = m.id"
            " WHERE m.starts_on BETWEEN '2031-06-01' AND '2031-06-30'"
            " GROUP BY m.id ORDER BY count(c.id) DESC, m.slug LIMIT 1"
        ).fetchone()
        if found is None:
            found = connection.execute("SELECT slug FROM meeting ORDER BY id LIMIT 1").fetchone()
        slug: str = found[0]
        # Slugs end in a two-digit day (or -N); one digit fewer is a typo that exists nowhere.
        unknown = slug[:-1]
        exists = connection.execute("SELECT 1 FROM meeting WHERE slug = ?", (unknown,)).fetchone()
        if exists:
            unknown = slug + "x"
    finally:
        connection.close()
    return slug, unknown


# -- timing ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    args: tuple[str, ...]
    expect_code: int = 0


@dataclass(frozen=True)
class Timing:
    label: str
    times: list[float]
    lines: int
    warm_up_only: bool = False  # too slow to repeat: the warm-up run is the measurement

    @property
    def median(self) -> float:
        return statistics.median(self.times)


@dataclass(frozen=True)
class Measured:
    """A command as typed, and the same with --json: the rows without the Rich rendering, so
    the table shows how much of a slow command is the query and how much the drawing."""

    table: Timing
    json: Timing


def cases(slug: str, unknown: str) -> list[Case]:
    return [
        Case(("list", "--kind", "npg", "--from", "2030", "--to", "2030")),
        Case(("list", "--upcoming", "--status", "planned")),
        Case(("list", "--topic", "nuclear", "--from", "2031-Q2", "--to", "2031-Q2")),
        Case(("show", slug)),
        Case(("timeline", "--from", "2031-06", "--to", "2031-06")),
        Case(("show", unknown), expect_code=1),
        Case(("list",)),
    ]


def run_once(argv: Sequence[str], env: dict[str, str], output: int) -> tuple[float, int]:
    start = time.perf_counter()
    done = subprocess.run(
        argv, env=env, stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.DEVNULL
    )
    return time.perf_counter() - start, done.returncode


@dataclass(frozen=True)
class Timer:
    env: dict[str, str]
    repeat: int
    seconds_each: float

    def time(self, argv: Sequence[str], label: str, expect_code: int = 0) -> Timing:
        """One warm-up, whose output goes to a file to be counted, then up to `repeat` timed
        runs to /dev/null; fewer when they would take more than `seconds_each` in all, and
        none when the warm-up alone took that long: a command that takes a minute needs no
        median of five to be judged, and no warming up either."""
        with tempfile.TemporaryFile() as output:
            warm, code = run_once(argv, self.env, output.fileno())
            output.seek(0)
            lines = sum(chunk.count(b"\n") for chunk in iter(lambda: output.read(1 << 20), b""))
        if code != expect_code:
            done = subprocess.run(argv, env=self.env, stdin=subprocess.DEVNULL, capture_output=True)
            raise SystemExit(
                f"{label}: exit {code}, expected {expect_code}\n"
                f"{done.stderr.decode(errors='replace')[-2000:]}"
            )
        if warm > self.seconds_each:
            return Timing(label, [warm], lines, warm_up_only=True)
        runs = max(1, min(self.repeat, int(self.seconds_each // max(warm, 1e-3))))
        times = []
        for _ in range(runs):
            elapsed, code = run_once(argv, self.env, subprocess.DEVNULL)
            if code != expect_code:
                raise SystemExit(f"{label}: exit {code}, expected {expect_code}")
            times.append(elapsed)
        return Timing(label, times, lines)


def cli_argv(python: str) -> list[str]:
    script = Path(python).parent / "navo-agenda"
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [python, "-m", "navo_agenda"]


def environment(database: Path, pycache: Path) -> dict[str, str]:
    """Bytecode goes to a temporary PYTHONPYCACHEPREFIX whatever PYTHONDONTWRITEBYTECODE says,
    as in startup.py: an editable install would otherwise compile navo_agenda on every run."""
    env = dict(os.environ)
    env.update(NAVO_AGENDA_DB=str(database), NAVO_AGENDA_TODAY=TODAY.isoformat(), COLUMNS=COLUMNS)
    env.update(PYTHONPYCACHEPREFIX=str(pycache))
    for variable in ("NAVO_AGENDA_DEBUG", "PYTHONDONTWRITEBYTECODE", "PYTHONPROFILEIMPORTTIME"):
        env.pop(variable, None)
    return env


def note(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# -- output ------------------------------------------------------------------------------------


def table(headers: Sequence[str], body: list[tuple[str, ...]], markdown: bool) -> str:
    if markdown:
        lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
        lines += ["| " + " | ".join(row) + " |" for row in body]
        return "\n".join(lines)
    widths = [max(len(row[i]) for row in [tuple(headers), *body]) for i in range(len(headers))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in body
    ]
    return "\n".join(lines)


def seconds(value: float) -> str:
    if value < 1:
        return f"{value * 1000:.0f} ms"
    return f"{value:.2f} s" if value < 10 else f"{value:.1f} s"


@dataclass(frozen=True)
class Built:
    sizes: Sizes
    topic_rows: int
    megabytes: float
    init_seconds: float
    fill_seconds: float
    slug: str
    unknown: str


def build(path: Path, cli: list[str], env: dict[str, str], sizes: Sizes, seed: int) -> Built:
    note(f"creating {path} with {' '.join(cli)} db init --empty")
    started = time.perf_counter()
    init = subprocess.run(
        [*cli, "--db", str(path), "db", "init", "--empty"],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
    )
    if init.returncode != 0:
        raise SystemExit(f"db init failed:\n{init.stderr}")
    init_seconds = time.perf_counter() - started
    note("generating rows")
    started = time.perf_counter()
    generated = fill(path, sizes, seed, log=True)
    fill_seconds = time.perf_counter() - started
    slug, unknown = pick_slugs(path)
    return Built(
        sizes=sizes,
        topic_rows=generated.topic_rows,
        megabytes=path.stat().st_size / 1e6,
        init_seconds=init_seconds,
        fill_seconds=fill_seconds,
        slug=slug,
        unknown=unknown,
    )


def measure(timer: Timer, cli: list[str], python: str, built: Built) -> list[Measured]:
    """The floor first (its median is the yardstick), then each case as typed and with --json."""
    note("timing")
    floor = timer.time([python, "-c", FLOOR_CODE], "floor (Python+Typer+Rich)")
    measured = [Measured(floor, floor)]
    for case in cases(built.slug, built.unknown):
        label = "navo-agenda " + " ".join(case.args)
        note(f"  {label}")
        argv = [*cli, *case.args]
        measured.append(
            Measured(
                timer.time(argv, label, case.expect_code),
                timer.time([*argv, "--json"], f"{label} --json", case.expect_code),
            )
        )
    return measured


def report(built: Built, measured: list[Measured], timer: Timer, seed: int, markdown: bool) -> str:
    code = (lambda text: f"`{text}`") if markdown else (lambda text: text)
    sizes = built.sizes
    intro = (
        f"Database: {sizes.meetings:,} meetings, {sizes.items:,} agenda items "
        f"({built.topic_rows:,} item topics), {sizes.commitments:,} commitments, "
        f"{sizes.documents:,} documents; {built.megabytes:,.0f} MB. Created by "
        f"{code('db init --empty')} in {built.init_seconds:.1f} s, filled and analysed in "
        f"{built.fill_seconds:.1f} s (seed {seed}). NAVO_AGENDA_TODAY={TODAY}, COLUMNS={COLUMNS}. "
        f"Median of up to {timer.repeat} runs after one warm-up, output to /dev/null; fewer runs "
        f"when they would take over {timer.seconds_each:.0f} s, and for a command whose warm-up "
        "alone took that long (runs = w) the warm-up itself, its output to a file. "
        f"{code('--json')}: the same command printing JSON instead of the Rich table."
    )
    floor = measured[0].table.median
    body: list[tuple[str, ...]] = []
    for number, pair in enumerate(measured):
        timing = pair.table
        body.append(
            (
                code(timing.label),
                seconds(timing.median),
                seconds(min(timing.times)),
                seconds(max(timing.times)),
                "w" if timing.warm_up_only else str(len(timing.times)),
                f"{timing.median / floor:.1f}",
                "—" if number == 0 else seconds(pair.json.median),
                f"{timing.lines:,}",
            )
        )
    headers = (
        "command",
        "median",
        "min",
        "max",
        "runs",
        "× floor",
        "--json median",
        "stdout lines",
    )
    return f"{intro}\n\n{table(headers, body, markdown)}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Time navo-agenda's read commands on a large synthetic database."
    )
    parser.add_argument(
        "--python", default=sys.executable, help="interpreter of the CLI (default: this one)"
    )
    parser.add_argument(
        "--meetings", type=int, default=DEFAULT_MEETINGS, help="default: %(default)s"
    )
    parser.add_argument(
        "--items-per-meeting", type=int, default=DEFAULT_ITEMS, help="default: %(default)s"
    )
    parser.add_argument(
        "--commitments",
        type=int,
        help=f"default: {COMMITMENTS_PER_MEETING} per meeting "
        f"({COMMITMENTS_PER_MEETING * DEFAULT_MEETINGS:,} at the default size)",
    )
    parser.add_argument(
        "--repeat", type=int, default=DEFAULT_REPEAT, help="timed runs each (default: %(default)s)"
    )
    parser.add_argument(
        "--seconds-per-command",
        type=float,
        default=DEFAULT_SECONDS_EACH,
        metavar="SECONDS",
        help="fewer timed runs for a command that would take longer in all, and only the "
        "warm-up for one whose warm-up alone took longer (default: %(default)s)",
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="default: %(default)s")
    parser.add_argument("--keep", type=Path, metavar="FILE", help="copy the database to FILE")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args(argv)
    if args.commitments is None:
        args.commitments = COMMITMENTS_PER_MEETING * args.meetings
    if args.meetings < 1 or args.items_per_meeting < 0 or args.commitments < 0:
        parser.error("--meetings must be at least 1, the other sizes at least 0")
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    sizes = Sizes(args.meetings, args.items_per_meeting, args.commitments)
    cli = cli_argv(args.python)
    with tempfile.TemporaryDirectory(prefix="navo-agenda-big-") as directory:
        path = Path(directory) / "big.db"
        env = environment(path, Path(directory) / "pycache")
        built = build(path, cli, env, sizes, args.seed)
        timer = Timer(env=env, repeat=args.repeat, seconds_each=args.seconds_per_command)
        measured = measure(timer, cli, args.python, built)
        if args.keep:
            shutil.copyfile(path, args.keep)
    print(report(built, measured, timer, args.seed, args.markdown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
