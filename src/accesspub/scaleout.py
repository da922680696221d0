"""Scale-out: the per-release work on a Dask distributed cluster (`accesspub build --scheduler tcp://host:8786`).

The workers must see the sources and the output folder at the same paths (a shared file system) and have
accesspub and its tools installed (`make setup`). Checks, the site and the reports stay on the machine that
runs the build: they need every release at once and start each heavy tool once.
"""

from __future__ import annotations

from .errors import UsageError
from .worker import build_release


def run_on_dask(scheduler, args: list[tuple]):
    """Submit one task per release to the cluster; yield their outcomes as they finish.

    `scheduler` is an address ("tcp://host:8786") or a running cluster object (tests use a LocalCluster).
    """
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise UsageError("--scheduler needs Dask distributed", fix="run: make setup") from None
    try:
        client = Client(scheduler, timeout="10s")
    except (OSError, TimeoutError) as exc:
        raise UsageError(f"cannot reach the Dask scheduler {scheduler}: {exc}",
                         fix="start it (dask scheduler) or check the address") from None
    with client:
        futures = [client.submit(build_release, *a, pure=False) for a in args]
        for future in as_completed(futures):
            yield future.result()
