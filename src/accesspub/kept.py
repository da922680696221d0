"""Objects that take seconds to make and never change for given inputs (lexicon tables, hyphenation patterns, the
spelling dictionary), made once per machine and kept, pickled, in the user cache: a fresh process (each build
worker, each CLI run) loads them in a fraction of the time.

The key names everything the object is made from (package versions, file sizes and dates, the source of the
code that makes it); another key is another file. A file that cannot be read or written is made again.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Callable, TypeVar

from .paths import user_cache

T = TypeVar("T")


def file_key(path: Path | str) -> str:
    """What identifies a data file's content cheaply: its path, size and modification time."""
    st = Path(path).stat()
    return f"{path}:{st.st_size}:{st.st_mtime_ns}"


def kept(name: str, key: str, make: Callable[[], T]) -> T:
    """The object `make()` returns, from the cache when it was made before for this key."""
    path = user_cache() / f"{name}-{hashlib.sha256(key.encode()).hexdigest()[:16]}.pickle"
    collecting = gc.isenabled()
    gc.disable()            # loading makes many small objects the collector would walk again and again
    try:
        return pickle.loads(path.read_bytes())
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError, ImportError):
        value = make()
    finally:
        if collecting:
            gc.enable()
    _store(path, value)
    return value


def _store(path: Path, value) -> None:
    """Write the pickle beside its place and rename it there (two processes making it at once both succeed);
    a cache that cannot be written (a read-only home) is no error: the object is made again next time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except (OSError, pickle.PicklingError):
        pass


def source_of(module_file: str) -> str:
    """A key part for the code that makes an object: the module's own source."""
    return hashlib.sha256(Path(module_file).read_bytes()).hexdigest()
