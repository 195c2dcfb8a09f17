"""Start-up benchmark: how much slower than the bare Python + Typer + Rich floor each command is.

Why ratios, and why alternating: a read command of a CLI is judged by how fast it answers, and
most of that is interpreter start-up and imports. Absolute times depend on the machine and on
whatever else it is doing, so DESIGN (section 7) states the budgets as ratios against a floor:
`python -c "import sqlite3, typer; from rich.console import Console; from rich.table import
Table"`, run by the same interpreter. The floor and the commands are measured in the same run,
round by round (floor first, then the commands in a shuffled order), so a burst of load on this
2-core machine slows both sides of the ratio alike; medians discard the outliers that remain.

Each command runs against a seeded database in a temporary directory, with a fixed "today" and
terminal width, output to /dev/null, and bytecode cached in a temporary directory (see
`environment`). `python -c "import navo_agenda.cli"` runs in the same rounds, for information:
it tells the cost of importing from the cost of the work each command does.

Budgets live in `BUDGETS` below: add a command there (as typed after `navo-agenda`) with its own
ratio. The verdict is the ratio of the medians; the median of the per-round ratios is printed
beside it as a cross-check, and a command whose two ratios fall on different sides of the
budget is flagged as noisy.

This is a measurement, not a test: it exits 0 whatever the verdict, unless --strict is given.
The test suite never asserts times. Standard library only; hyperfine is not required.

    python bench/startup.py                 # 30 rounds, a plain-text table
    python bench/startup.py --markdown      # the same as Markdown, with the machine line
    python bench/startup.py --rounds 60 --strict
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

# The budget of each command, as a ratio median(command) / median(floor). Keys are the command
# line as typed after `navo-agenda` (split with shlex). Later commands come with their own
# figure, e.g. "commitments": 1.3, "search nuclear": 1.3. All rounds share one database, so a
# command that writes must succeed when repeated (every run sees what the previous one changed).
BUDGETS: dict[str, float] = {
    # Issue 2: the read commands.
    "list": 1.3,
    "show dmm-2025-06": 1.3,
    "timeline": 1.3,
    "--help": 1.3,
    # Issue 3: the commitments view and history read; the writes take the write lock, write
    # and commit. Every edit and add writes (a new version, a new row); the two status
    # commands undo each other, so most runs record a change (when the shuffle puts the same
    # one twice in a row, the second finds nothing to change after doing the same reads).
    "commitments": 1.3,
    "history c-2025-007": 1.3,
    "status c-2025-007 in_progress": 2.0,
    "status c-2025-007 open": 2.0,
    "add commitment --meeting dmm-2025-06 --text bench --due 2026 --amount 5mln€": 2.0,
    "edit dmm-2025-06 --summary bench": 2.0,
    # Issue 4: full-text search.
    "search oekraine": 1.5,
    "search steun --kind item,commitment": 1.5,
    # show opens every key search prints: an agenda item, a commitment, a document. Read
    # commands, with show's budget.
    "show dmm-2025-06/2": 1.3,
    "show c-2025-007": 1.3,
    "show letter-2025-05-21": 1.3,
    # Issue 5: ingest of the founding letter (read, repair, recognise, match; no write), run
    # from the repository's root where the copy of the letter is.
    "ingest data/letters/2025-05-21_geannoteerde-agenda_dmm-2025-06.txt --dry-run": 3.0,
}

FLOOR_CODE = "import sqlite3, typer; from rich.console import Console; from rich.table import Table"
FLOOR = "floor"
TODAY = "2026-11-28"
COLUMNS = "100"
IMPORT_TARGET = "navo_agenda.cli"
IMPORT_ONLY = f'python -c "import {IMPORT_TARGET}"'
DEFAULT_ROUNDS = 30
DEFAULT_WARMUP = 3
DEFAULT_SEED = 20261128
DEFAULT_IMPORTTIME_RUNS = 3


@dataclass(frozen=True)
class Runner:
    """How the CLI is started: its console script when it sits next to the interpreter."""

    argv: tuple[str, ...]
    description: str


@dataclass
class Samples:
    """Wall and CPU (user + sys of the child) seconds of one command, one entry per round."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)


@dataclass(frozen=True)
class Result:
    name: str
    median: float
    floor_median: float
    ratio: float
    paired_ratio: float
    paired_low: float
    paired_high: float
    cpu_ratio: float
    budget: float | None  # None: measured for information only

    @property
    def passed(self) -> bool:
        return self.budget is None or self.ratio <= self.budget

    @property
    def noisy(self) -> bool:
        """The two estimates of the ratio disagree about the verdict."""
        return self.budget is not None and (self.paired_ratio <= self.budget) != self.passed


def find_runner(python: str) -> Runner:
    """The console script next to the interpreter (what users type), else `python -m`.

    The interpreter path is not resolved: a virtualenv's python is a symlink to the base
    interpreter, and resolving it would leave the virtualenv's bin directory.
    """
    bin_dir = Path(python).parent
    for name in ("navo-agenda", "navo-agenda.exe"):
        script = bin_dir / name
        if script.is_file() and os.access(script, os.X_OK):
            return Runner((str(script),), f"console script {script}")
    return Runner((python, "-m", "navo_agenda"), f"{python} -m navo_agenda")


def environment(database: Path, pycache: Path | None) -> dict[str, str]:
    """The children's environment. With `pycache`, bytecode is written to and read from that
    directory (PYTHONPYCACHEPREFIX) whatever PYTHONDONTWRITEBYTECODE says: an editable install
    has no .pyc files of its own, and without them every run would compile navo_agenda from
    source while Typer and Rich load their installed .pyc files, a cost no user of an installed
    wheel pays. The warm-up rounds fill the cache for the floor and the commands alike."""
    env = dict(os.environ)
    env.update(NAVO_AGENDA_DB=str(database), NAVO_AGENDA_TODAY=TODAY, COLUMNS=COLUMNS)
    for variable in ("NAVO_AGENDA_DEBUG", "PYTHONPROFILEIMPORTTIME", "PYTHONDEVMODE"):
        env.pop(variable, None)
    if pycache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def bytecode_note(pycache: bool) -> str:
    found = "set" if os.environ.get("PYTHONDONTWRITEBYTECODE") else "not set"
    if pycache:
        return (
            "bytecode cached in a temporary PYTHONPYCACHEPREFIX (filled by the warm-up; "
            f"PYTHONDONTWRITEBYTECODE {found} in the calling environment, removed)"
        )
    return f"bytecode settings as found (PYTHONDONTWRITEBYTECODE {found})"


def children_cpu() -> float:
    """User + system seconds of the waited-for children so far (0 where unknown)."""
    if sys.platform == "win32":
        return 0.0
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_run(argv: Sequence[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds of the child, and its exit code."""
    cpu_before = children_cpu()
    start = time.perf_counter()
    code = subprocess.run(
        argv,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    ).returncode
    wall = time.perf_counter() - start
    return wall, children_cpu() - cpu_before, code


def prepare_database(runner: Runner, env: dict[str, str]) -> None:
    """Create, migrate and seed the database with one untimed `list`."""
    done = subprocess.run(
        [*runner.argv, "list"], env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SystemExit(f"could not create the database:\n{done.stderr}")


def check_commands(
    runner: Runner, commands: dict[str, tuple[str, ...]], env: dict[str, str]
) -> dict[str, str]:
    """Run each command once: one that fails would otherwise be timed as a fast command."""
    failures: dict[str, str] = {}
    for name, argv in commands.items():
        done = subprocess.run(
            [*runner.argv, *argv], env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True
        )
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or ["(no message)"])[-1]
            failures[name] = f"exit {done.returncode}: {last}"
    return failures


def measure(
    python: str,
    programs: dict[str, tuple[str, ...]],
    env: dict[str, str],
    *,
    rounds: int,
    warmup: int,
    seed: int,
    progress: bool,
) -> dict[str, Samples]:
    """Warm-up rounds, then `rounds` rounds of: the floor, then every program in random order."""
    order = random.Random(seed)
    argvs: dict[str, tuple[str, ...]] = {FLOOR: (python, "-c", FLOOR_CODE), **programs}
    samples = {name: Samples() for name in argvs}
    names = list(programs)
    for number in range(warmup + rounds):
        order.shuffle(names)
        for name in (FLOOR, *names):
            wall, cpu, code = timed_run(argvs[name], env)
            if code != 0:
                raise SystemExit(f"{name!r} failed with exit code {code} in round {number + 1}")
            if number >= warmup:
                samples[name].wall.append(wall)
                samples[name].cpu.append(cpu)
        if progress:
            label = "warm-up" if number < warmup else f"round {number - warmup + 1}/{rounds}"
            print(f"\r{label:<16}", end="", file=sys.stderr, flush=True)
    if progress:
        print("\r" + " " * 16 + "\r", end="", file=sys.stderr, flush=True)
    return samples


def quartiles(values: Sequence[float]) -> tuple[float, float]:
    if len(values) < 2:
        return values[0], values[0]
    low, _, high = statistics.quantiles(values, n=4)
    return low, high


def summarize(samples: dict[str, Samples], budgets: dict[str, float | None]) -> list[Result]:
    floor = samples[FLOOR]
    floor_median = statistics.median(floor.wall)
    floor_cpu = statistics.median(floor.cpu)
    results = []
    for name, budget in budgets.items():
        if name not in samples:
            continue
        measured = samples[name]
        per_round = [cmd / base for cmd, base in zip(measured.wall, floor.wall, strict=True)]
        low, high = quartiles(per_round)
        median = statistics.median(measured.wall)
        results.append(
            Result(
                name=name,
                median=median,
                floor_median=floor_median,
                ratio=median / floor_median,
                paired_ratio=statistics.median(per_round),
                paired_low=low,
                paired_high=high,
                cpu_ratio=statistics.median(measured.cpu) / floor_cpu if floor_cpu else 0.0,
                budget=budget,
            )
        )
    return results


# -- import time -------------------------------------------------------------------------------


@dataclass
class ImportNode:
    name: str
    self_us: int
    cumulative_us: int
    children: list[ImportNode] = field(default_factory=list)


def parse_importtime(text: str) -> list[ImportNode]:
    """The import tree of `-X importtime` output (children are printed before their parent,
    indented two spaces per level)."""
    pending: dict[int, list[ImportNode]] = {}
    for line in text.splitlines():
        if not line.startswith("import time:") or "imported package" in line:
            continue
        head, cumulative, name = line.split("|", 2)
        name = name.removeprefix(" ")
        level = (len(name) - len(name.lstrip(" "))) // 2
        node = ImportNode(
            name=name.strip(),
            self_us=int(head.removeprefix("import time:")),
            cumulative_us=int(cumulative),
            children=pending.pop(level + 1, []),
        )
        pending.setdefault(level, []).append(node)
    return pending.get(0, [])


def walk(
    node: ImportNode, parent: str = "", ancestors: frozenset[str] = frozenset()
) -> Iterator[tuple[ImportNode, str, frozenset[str]]]:
    """Every node under `node`, with its parent module and the packages of its ancestors."""
    yield node, parent, ancestors
    inner = ancestors | {root_package(node.name)}
    for child in node.children:
        yield from walk(child, node.name, inner)


def root_package(module: str) -> str:
    return module.split(".", 1)[0]


@dataclass(frozen=True)
class ImportRun:
    """One `-X importtime` run of the target, reduced to what the report shows."""

    total_us: int
    own_self_us: int
    cumulative: dict[str, int]  # per package: its outermost imports, nested packages included
    self_time: dict[str, int]  # per package: the self time of all its modules
    imported_by: dict[str, str]  # per package: the module whose import brought it in
    module_self: dict[str, int]  # per module


def reduce_run(roots: list[ImportNode], target: str) -> ImportRun:
    """Keep the subtrees of the target's own package (the interpreter's start-up imports are
    part of every command and of the floor alike) and sum them up per package."""
    own = root_package(target)
    mine = [node for node in roots if root_package(node.name) == own]
    own_self = 0
    cumulative: dict[str, int] = {}
    self_time: dict[str, int] = {}
    entry: dict[str, tuple[int, str]] = {}
    module_self: dict[str, int] = {}
    for root in mine:
        for node, parent, ancestors in walk(root):
            module_self[node.name] = node.self_us
            package = root_package(node.name)
            if package == own:
                own_self += node.self_us
                continue
            self_time[package] = self_time.get(package, 0) + node.self_us
            if package not in ancestors:  # an outermost import: subtrees do not overlap
                cumulative[package] = cumulative.get(package, 0) + node.cumulative_us
                if node.cumulative_us > entry.get(package, (-1, ""))[0]:
                    entry[package] = (node.cumulative_us, parent)
    return ImportRun(
        total_us=sum(node.cumulative_us for node in mine),
        own_self_us=own_self,
        cumulative=cumulative,
        self_time=self_time,
        imported_by={package: parent for package, (_, parent) in entry.items()},
        module_self=module_self,
    )


@dataclass(frozen=True)
class ImportCost:
    package: str
    cumulative_us: int
    self_us: int
    imported_by: str
    in_floor: str  # "yes", "partly" or "no": does the floor load this package's modules too?


@dataclass(frozen=True)
class ImportReport:
    runs: int
    total_us: int
    own_self_us: int
    costs: list[ImportCost]
    beyond_floor: list[tuple[str, int]]  # modules the floor does not load, by self time

    @property
    def beyond_floor_us(self) -> int:
        return sum(self_us for _, self_us in self.beyond_floor)


def importtime(python: str, code: str, env: dict[str, str]) -> list[ImportNode]:
    done = subprocess.run(
        [python, "-X", "importtime", "-c", code],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"{code!r} failed:\n{done.stderr[-2000:]}")
    return parse_importtime(done.stderr)


def median_of(values: Iterable[int]) -> int:
    return int(statistics.median(values))


def measure_imports(python: str, env: dict[str, str], runs: int) -> ImportReport:
    """`python -X importtime -c "import navo_agenda.cli"`, `runs` times, with the median of
    each figure (a single run on a loaded machine is noisy); and which of those modules the
    floor does not load, since that difference is what a command pays on top of the floor."""
    floor_modules = {
        node.name for root in importtime(python, FLOOR_CODE, env) for node, _, _ in walk(root)
    }
    measured = [
        reduce_run(importtime(python, f"import {IMPORT_TARGET}", env), IMPORT_TARGET)
        for _ in range(runs)
    ]
    last = measured[-1]
    costs = []
    for package in last.cumulative:
        modules = [name for name in last.module_self if root_package(name) == package]
        loaded = sum(name in floor_modules for name in modules)
        in_floor = "yes" if loaded == len(modules) else "no" if loaded == 0 else "partly"
        costs.append(
            ImportCost(
                package=package,
                cumulative_us=median_of(run.cumulative.get(package, 0) for run in measured),
                self_us=median_of(run.self_time.get(package, 0) for run in measured),
                imported_by=last.imported_by[package],
                in_floor=in_floor,
            )
        )
    costs.sort(key=lambda cost: cost.cumulative_us, reverse=True)
    beyond = [
        (name, median_of(run.module_self.get(name, 0) for run in measured))
        for name in last.module_self
        if name not in floor_modules
    ]
    beyond.sort(key=lambda item: item[1], reverse=True)
    return ImportReport(
        runs=runs,
        total_us=median_of(run.total_us for run in measured),
        own_self_us=median_of(run.own_self_us for run in measured),
        costs=costs,
        beyond_floor=beyond,
    )


# -- the machine -------------------------------------------------------------------------------

VERSIONS_CODE = """
import json, platform, sqlite3, sys
from importlib.metadata import version
print(json.dumps({
    "python": platform.python_version(),
    "implementation": platform.python_implementation(),
    "typer": version("typer"),
    "rich": version("rich"),
    "sqlite": sqlite3.sqlite_version,
    "navo_agenda": version("navo-agenda"),
}))
"""


def cpu_model() -> str:
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return platform.processor() or "unknown CPU"
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key.strip() in ("model name", "Hardware", "cpu model"):
            return value.strip()
    return platform.processor() or "unknown CPU"


def machine_line(python: str) -> str:
    """One line naming the machine and the versions that the floor and the CLI load."""
    done = subprocess.run(
        [python, "-c", VERSIONS_CODE], capture_output=True, text=True, stdin=subprocess.DEVNULL
    )
    versions = json.loads(done.stdout) if done.returncode == 0 else {}
    parts = [
        platform.platform(),
        cpu_model(),
        f"{os.cpu_count()} CPUs",
        f"{versions.get('implementation', 'Python')} {versions.get('python', '?')}",
        f"typer {versions.get('typer', '?')}",
        f"rich {versions.get('rich', '?')}",
        f"SQLite {versions.get('sqlite', '?')}",
        f"navo-agenda {versions.get('navo_agenda', '?')}",
    ]
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    if load is not None:
        parts.append(f"load {load[0]:.2f}")
    return " · ".join(parts)


# -- output ------------------------------------------------------------------------------------


def verdict(result: Result) -> str:
    if result.budget is None:
        return "info"
    word = "PASS" if result.passed else "FAIL"
    return f"{word} (noisy)" if result.noisy else word


HEADERS = (
    "command",
    "median ms",
    "floor ms",
    "ratio",
    "per-round ratio (IQR)",
    "CPU ratio",
    "budget",
    "result",
)


def rows(results: list[Result], errors: dict[str, str]) -> list[tuple[str, ...]]:
    table: list[tuple[str, ...]] = [
        (
            result.name,
            f"{result.median * 1000:.1f}",
            f"{result.floor_median * 1000:.1f}",
            f"{result.ratio:.2f}",
            f"{result.paired_ratio:.2f} ({result.paired_low:.2f}–{result.paired_high:.2f})",
            f"{result.cpu_ratio:.2f}" if result.cpu_ratio else "n/a",
            "—" if result.budget is None else f"{result.budget:.2f}",
            verdict(result),
        )
        for result in results
    ]
    for name, message in errors.items():
        table.append((f"navo-agenda {name}", "—", "—", "—", "—", "—", "—", f"ERROR: {message}"))
    return table


def plain_table(headers: Sequence[str], body: list[tuple[str, ...]]) -> str:
    widths = [max(len(row[i]) for row in [tuple(headers), *body]) for i in range(len(headers))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(headers, widths, strict=True))]
    lines.append("  ".join("-" * width for width in widths))
    lines.extend(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in body
    )
    return "\n".join(line.rstrip() for line in lines)


def markdown_table(headers: Sequence[str], body: list[tuple[str, ...]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines.extend("| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in body)
    return "\n".join(lines)


def import_rows(costs: list[ImportCost], limit: int) -> list[tuple[str, ...]]:
    return [
        (
            cost.package,
            f"{cost.cumulative_us:,}",
            f"{cost.self_us:,}",
            cost.imported_by or "(top level)",
            cost.in_floor,
        )
        for cost in costs[:limit]
    ]


IMPORT_HEADERS = (
    "package",
    "cumulative µs",
    "self µs (all its modules)",
    "imported by",
    "floor loads it too",
)


def import_section(imports: ImportReport, table: Callable[..., str], markdown: bool) -> list[str]:
    code = (lambda text: f"`{text}`") if markdown else (lambda text: text)
    largest = ", ".join(
        f"{code(name)} {self_us / 1000:.1f}" for name, self_us in imports.beyond_floor[:8]
    )
    return [
        f"Import time of {code(f'import {IMPORT_TARGET}')} (python -X importtime, median of "
        f"{imports.runs} run{'s' if imports.runs != 1 else ''}; importtime itself inflates "
        "the figures): "
        f"{imports.total_us / 1000:.1f} ms in all, {imports.own_self_us / 1000:.1f} ms of it in "
        "navo_agenda's own modules. The 10 most expensive top-level packages it pulls in:",
        "",
        table(IMPORT_HEADERS, import_rows(imports.costs, 10)),
        "",
        f"Beyond the floor it loads {len(imports.beyond_floor)} more modules, "
        f"{imports.beyond_floor_us / 1000:.1f} ms of self time; the largest (ms): {largest}.",
    ]


def report(
    *,
    markdown: bool,
    python: str,
    runner: Runner,
    rounds: int,
    warmup: int,
    seed: int,
    results: list[Result],
    errors: dict[str, str],
    imports: ImportReport | None,
    pycache: bool,
) -> str:
    table = markdown_table if markdown else plain_table
    when = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    floor_text = f'`{python} -c "{FLOOR_CODE}"`' if markdown else f'{python} -c "{FLOOR_CODE}"'
    out = []
    if markdown:
        out.append(f"**Machine:** {machine_line(python)} · **date:** {when}")
        out.append("")
    else:
        out.append(f"machine: {machine_line(python)}")
        out.append(f"date: {when}")
    out.append(
        f"CLI run as {runner.description}; floor {floor_text}; {rounds} rounds after {warmup} "
        f"warm-up rounds, commands shuffled per round (seed {seed}); NAVO_AGENDA_TODAY={TODAY}, "
        f"COLUMNS={COLUMNS}, output to /dev/null; {bytecode_note(pycache)}. Verdict on "
        "ratio = median(command) / median(floor); per-round ratio and CPU ratio (user+sys of "
        "the child) for comparison."
    )
    out.append("")
    out.append(table(HEADERS, rows(results, errors)))
    if imports is not None:
        out.append("")
        out.extend(import_section(imports, table, markdown))
    return "\n".join(out)


def parse_commands(budgets: dict[str, float], only: list[str] | None) -> dict[str, float]:
    if not only:
        return dict(budgets)
    unknown = [name for name in only if name not in budgets]
    if unknown:
        raise SystemExit(f"unknown command(s) {unknown}; known: {', '.join(budgets)}")
    return {name: budgets[name] for name in only}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Start-up time of navo-agenda's commands as a ratio of the Python floor."
    )
    parser.add_argument(
        "--python", default=sys.executable, help="interpreter of the CLI (default: this one)"
    )
    parser.add_argument(
        "--rounds", type=int, default=DEFAULT_ROUNDS, help="timed rounds (default: %(default)s)"
    )
    parser.add_argument(
        "--warmup", type=int, default=DEFAULT_WARMUP, help="untimed rounds (default: %(default)s)"
    )
    parser.add_argument(
        "--seed", type=int, default=DEFAULT_SEED, help="seed of the shuffle (default: %(default)s)"
    )
    parser.add_argument(
        "--command",
        action="append",
        dest="only",
        metavar="CMD",
        help="measure only this command (a key of BUDGETS, e.g. 'show dmm-2025-06'); repeatable",
    )
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a budget fails")
    parser.add_argument(
        "--importtime-runs",
        type=int,
        default=DEFAULT_IMPORTTIME_RUNS,
        metavar="N",
        help="runs of python -X importtime, 0 to skip (default: %(default)s)",
    )
    parser.add_argument(
        "--no-pycache",
        action="store_true",
        help="keep the environment's bytecode settings instead of caching bytecode in a "
        "temporary directory (with PYTHONDONTWRITEBYTECODE=1 every run compiles navo_agenda)",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress line on stderr")
    args = parser.parse_args(argv)
    if args.rounds < 1 or args.warmup < 0:
        parser.error("--rounds must be at least 1 and --warmup at least 0")

    budgets = parse_commands(BUDGETS, args.only)
    runner = find_runner(args.python)
    with tempfile.TemporaryDirectory(prefix="navo-agenda-bench-") as directory:
        pycache = None if args.no_pycache else Path(directory) / "pycache"
        env = environment(Path(directory) / "bench.db", pycache)
        prepare_database(runner, env)
        commands = {name: tuple(shlex.split(name)) for name in budgets}
        errors = check_commands(runner, commands, env)
        programs = {
            f"navo-agenda {name}": (*runner.argv, *argv)
            for name, argv in commands.items()
            if name not in errors
        }
        # For information: the import alone, to tell import cost from work done per command.
        programs[IMPORT_ONLY] = (args.python, "-c", f"import {IMPORT_TARGET}")
        samples = measure(
            args.python,
            programs,
            env,
            rounds=args.rounds,
            warmup=args.warmup,
            seed=args.seed,
            progress=not args.quiet and sys.stderr.isatty(),
        )
        imports = (
            measure_imports(args.python, env, args.importtime_runs)
            if args.importtime_runs > 0
            else None
        )
    wanted: dict[str, float | None] = {
        f"navo-agenda {name}": budget for name, budget in budgets.items() if name not in errors
    }
    results = summarize(samples, {**wanted, IMPORT_ONLY: None})
    print(
        report(
            markdown=args.markdown,
            python=args.python,
            runner=runner,
            rounds=args.rounds,
            warmup=args.warmup,
            seed=args.seed,
            results=results,
            errors=errors,
            imports=imports,
            pycache=not args.no_pycache,
        )
    )
    failed = bool(errors) or any(not result.passed for result in results)
    return 1 if args.strict and failed else 0


if __name__ == "__main__":
    sys.exit(main())
