"""Long work off the window's thread: backups, restores and checks run in a worker
thread (with their own database connection) while a progress dialog shows each step.

The job receives a ``report(done, total, text)`` callable, which returns False once
the user has asked to cancel (only offered where stopping is safe); the window's thread
is told through Qt signals, so it only draws.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from trainer.i18n import Context


class TasksText(Context):
    """Texts of the progress dialog over long work (its title and steps come from the
    caller, in the caller's context)."""


Report = Callable[[int, int, str], bool]


class _Worker(QObject):
    progress = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(object)

    def __init__(self, job: Callable[[Report], Any]) -> None:
        super().__init__()
        self.job = job
        self.stop = threading.Event()

    def report(self, done: int, total: int, text: str) -> bool:
        self.progress.emit(done, total, text)
        return not self.stop.is_set()

    def run(self) -> None:
        try:
            result = self.job(self.report)
        except Exception as error:  # handed to the window's thread, which reports it
            self.failed.emit(error)
        else:
            self.done.emit(result)


class Task(QObject):
    """One job on a worker thread, with an optional modal progress dialog."""

    finished = Signal()

    def __init__(self, parent: QWidget | None, title: str, job: Callable[[Report], Any],
                 on_done: Callable[[Any], None], on_error: Callable[[Exception], None],
                 *, show_progress: bool = True, cancel_label: str | None = None) -> None:
        super().__init__(parent)
        self.worker_thread = QThread()
        self.worker = _Worker(job)
        self.worker.moveToThread(self.worker_thread)
        self.dialog: QProgressDialog | None = None
        if show_progress:
            self.dialog = QProgressDialog(title, cancel_label or "", 0, 0, parent)
            self.dialog.setObjectName("taskProgress")
            self.dialog.setWindowTitle(title.rstrip("…"))
            if cancel_label is None:
                self.dialog.setCancelButton(None)  # work that must not stop half way
            else:
                self.dialog.canceled.connect(self._cancel)
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.setMinimumDuration(300)
            self.dialog.setAutoClose(False)
            self.dialog.setValue(0)
        self.on_done, self.on_error = on_done, on_error
        # Connected to this object's slots (it lives on the window's thread), so Qt
        # queues each call there; a plain function would run on the worker's thread.
        self.worker.progress.connect(self._progress)
        self.worker.done.connect(self._done)
        self.worker.failed.connect(self._failed)
        self.worker_thread.started.connect(self.worker.run)
        self.running = True

    def start(self) -> Task:
        """Begin the work."""
        self.worker_thread.start()
        return self

    def wait(self) -> None:
        """Let the work finish, the window still drawing meanwhile. Its end is handled
        on the window's thread, so this runs that thread's events rather than blocking
        it (``QThread.wait`` here would wait for ever)."""
        if not self.running:
            return
        loop = QEventLoop()
        self.finished.connect(loop.quit)
        if self.running:
            loop.exec()

    @Slot()
    def _cancel(self) -> None:
        self.worker.stop.set()
        if self.dialog is not None:
            self.dialog.setLabelText(TasksText.tr("Stopping…"))
            self.dialog.show()  # QProgressDialog hides itself on cancel; keep it up

    @Slot(object)
    def _done(self, result: object) -> None:
        self._end(self.on_done, result)

    @Slot(object)
    def _failed(self, error: object) -> None:
        self._end(self.on_error, error)

    @Slot(int, int, str)
    def _progress(self, done: int, total: int, text: str) -> None:
        if self.dialog is not None:
            self.dialog.setMaximum(total)
            self.dialog.setValue(done)
            if text:
                self.dialog.setLabelText(text)

    def _end(self, then: Callable[[Any], None], value: Any) -> None:
        self.worker_thread.quit()
        self.worker_thread.wait()
        self.running = False
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        try:
            then(value)
        finally:
            self.finished.emit()
            self.deleteLater()


def run_job(parent: QWidget | None, title: str, job: Callable[[Report], Any], *,
            cancel_label: str | None = None) -> Any:
    """Run ``job`` on a worker thread and return its result (raising what it raised),
    while the window goes on handling events under a progress dialog."""
    outcome: dict[str, Any] = {}
    task = Task(parent, title, job, lambda result: outcome.__setitem__("result", result),
                lambda error: outcome.__setitem__("error", error), cancel_label=cancel_label)
    task.start()
    task.wait()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("result")
