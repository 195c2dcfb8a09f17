"""Output files that are either whole or not there.

An export is written to a temporary file next to its target, flushed and fsynced, and then
renamed over the target (os.replace, atomic on POSIX and Windows): an export that fails or
is killed halfway leaves the old file exactly as it was (and, only when killed with SIGKILL,
a stray `.NAME.*.partial` beside it). Replacing an existing file needs --force; both are checked
before the database is read, so a refusal costs nothing.

A symbolic link is followed: the file it points to is replaced, and the link stays. A target
that is not a file at all (a terminal, a pipe, /dev/stdout, /dev/null) cannot be replaced
and needs no --force: it is written straight through. Several files written together (the
tables of a CSV export) are all written first and renamed only at the end, so that a failure
or a kill before then leaves every old file as it was, not some tables old and some new.
"""

import os
import signal
import stat
import sys
import tempfile
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from navo_agenda.errors import InvalidInput, NavoError, Refused


class CannotWrite(NavoError):
    """The operating system refused to write the output (permissions, a full disk)."""


def output_path(text: str, *, option: str = "--out", directory: bool = False) -> Path | None:
    """Where the user asked the output to go: None for standard output ('-', /dev/stdout),
    else a path.
    A name ending in a slash is a directory, which only a `directory` output may be."""
    if text == "-":
        return None
    if not text:
        raise InvalidInput(f"{option} is empty; give a file name, or - for standard output")
    if not directory and text.endswith(("/", os.sep)):
        raise InvalidInput(f"{option} {text} names a directory; give a file name")
    path = Path(text).expanduser()
    return None if is_standard_output(path) else path


def is_standard_output(path: Path) -> bool:
    """Whether `path` is this process's standard output (/dev/stdout, /dev/fd/1), whatever
    that is: a terminal, a pipe, or a file the shell opened, which is to be written as the
    shell left it (`>>` appends), not replaced."""
    return is_open_as(path, sys.stdout)


def is_open_as(path: Path, stream: object) -> bool:
    try:
        return os.path.samestat(path.stat(), os.fstat(stream.fileno()))  # type: ignore[attr-defined]
    except (OSError, ValueError, AttributeError):  # no such path; the stream is no real file
        return False


def is_written_through(path: Path) -> bool:
    """A stream (see is_stream), or a file the shell opened as standard error
    (/dev/stderr): written into as it is, never replaced."""
    return is_stream(path) or is_open_as(path, sys.stderr)


def check_output(path: Path, *, force: bool, option: str = "--out") -> None:
    """A file may be written at `path`: its directory exists, it is not a directory, and if
    it exists, --force was given."""
    if is_written_through(path):
        return
    real = followed(path)
    if real.parent.exists() and not real.parent.is_dir():
        raise InvalidInput(f"{option} {path}: {real.parent} is a file, not a directory")
    if not real.parent.is_dir():
        raise InvalidInput(f"{option} {path}: the directory {real.parent} does not exist")
    if real.is_dir():
        raise InvalidInput(f"{option} {path} is a directory; give a file name")
    if real.exists() and not force:
        raise Refused(f"{path} exists; add --force to replace it")


def is_stream(path: Path) -> bool:
    """Whether `path` is there and is neither a file nor a directory: a device, a pipe."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def followed(path: Path) -> Path:
    """The file a symbolic link points to (that is what gets replaced), else `path`."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def check_directory(directory: Path, names: Iterable[str], *, force: bool) -> list[Path]:
    """The files `names` may be written into `directory` (created if its parent exists)."""
    if directory.exists() and not directory.is_dir():
        raise InvalidInput(f"--out {directory} is a file; CSV needs a directory (or --table)")
    if not directory.exists() and not directory.parent.is_dir():
        raise InvalidInput(f"--out {directory}: the directory {directory.parent} does not exist")
    targets = [directory / name for name in names]
    if directory.is_dir():
        for target in targets:
            check_output(target, force=force)
    return targets


def make_directory(directory: Path) -> None:
    try:
        directory.mkdir(exist_ok=True)
    except OSError as error:
        raise CannotWrite(f"cannot create {directory}: {error.strerror}") from None


def new_file_mode(path: Path) -> int:
    """What the file would have had if written in place: the old file's permissions, or
    the default for a new file under the umask (mkstemp makes it private)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mask = os.umask(0o022)
        os.umask(mask)
        return 0o666 & ~mask


@contextmanager
def terminated_cleanly() -> Iterator[None]:
    """SIGTERM (what `kill` and service managers send) ends the command as an exception,
    so that the temporary file is removed on the way out; the exit status is the usual
    128 + 15. Only SIGKILL leaves the temporary file behind."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(number: int, frame: object) -> None:
        raise SystemExit(128 + number)

    before = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)


def write_atomically(path: Path, chunks: Iterable[bytes]) -> None:
    """Write the chunks to `path` so that it is never seen half-written."""
    write_all_atomically([(path, chunks)])


def write_all_atomically(outputs: Iterable[tuple[Path, Iterable[bytes]]]) -> None:
    """Each file written to a temporary beside it; only once all are, each renamed over its
    target. Streams (see is_stream) are written straight through, in their turn."""
    with terminated_cleanly():
        written: list[tuple[str, Path]] = []
        try:
            for path, chunks in outputs:
                if is_written_through(path):
                    write_through(path, chunks)
                else:
                    target = followed(path)
                    written.append((temporary_copy(target, chunks), target))
            while written:
                temporary, target = written[0]
                os.replace(temporary, target)
                written.pop(0)
                sync_directory(target.parent)
        except BaseException as error:
            for temporary, _ in written:
                with suppress(OSError):
                    os.unlink(temporary)
            if isinstance(error, OSError):
                where = written[0][1] if written else error.filename
                raise CannotWrite(f"cannot write {where}: {error.strerror or error}") from None
            raise


def temporary_copy(path: Path, chunks: Iterable[bytes]) -> str:
    """The chunks in a new temporary file beside `path`, with the mode `path` will have,
    synced to disk; its name."""
    try:
        handle, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".partial"
        )
    except OSError as error:
        raise CannotWrite(f"cannot write in {path.parent}: {error.strerror}") from None
    try:
        with os.fdopen(handle, "wb") as file:
            for chunk in chunks:
                file.write(chunk)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, new_file_mode(path))
    except BaseException as error:
        with suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise CannotWrite(f"cannot write {path}: {error.strerror or error}") from None
        raise
    return temporary


def write_through(path: Path, chunks: Iterable[bytes]) -> None:
    try:  # appending: a file the shell opened keeps what it holds; a pipe does not mind
        with open(path, "ab") as stream:
            for chunk in chunks:
                stream.write(chunk)
    except OSError as error:
        raise CannotWrite(f"cannot write {path}: {error.strerror or error}") from None


def sync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX); not possible, nor needed, everywhere."""
    with suppress(OSError, AttributeError):
        handle = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)
