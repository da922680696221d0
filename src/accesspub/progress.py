"""Progress on long builds: rich bars on a terminal, plain lines otherwise (CI logs, pipes)."""

from __future__ import annotations

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn


class Reporter:
    """What the pipeline tells the person waiting."""

    def __init__(self, console: Console | None = None, quiet: bool = False):
        self.console = console or Console(stderr=True)
        self.quiet = quiet
        self._progress: Progress | None = None
        self._task = None

    def __enter__(self):
        if self.console.is_terminal and not self.quiet:
            self._progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                      TimeElapsedColumn(), TimeRemainingColumn(), console=self.console,
                                      transient=True)
            self._progress.start()
        return self

    def __exit__(self, *exc):
        if self._progress:
            self._progress.stop()
            self._progress = None

    def stage(self, name: str, total: int) -> None:
        """A new stage with `total` steps."""
        if self._progress:
            if self._task is not None:
                self._progress.remove_task(self._task)
            self._task = self._progress.add_task(name, total=total)
        elif not self.quiet:
            self.console.print(f"{name} ({total})", highlight=False, soft_wrap=True)

    def step(self, what: str) -> None:
        if self._progress and self._task is not None:
            self._progress.update(self._task, advance=1, description=what)
        elif not self.quiet:
            self.console.print(f"  {what}", highlight=False, soft_wrap=True)

    def note(self, text: str) -> None:
        if not self.quiet:
            self.console.print(text, highlight=False, soft_wrap=True)
