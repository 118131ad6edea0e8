"""Long work off the window's thread: backups, restores and checks run in a worker
thread (with their own database connection) while a progress dialog shows each step.

The job receives a ``report(done, total, text)`` callable; the window's thread is told
through Qt signals, so it only draws.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

Report = Callable[[int, int, str], None]


class _Worker(QObject):
    progress = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(object)

    def __init__(self, job: Callable[[Report], Any]) -> None:
        super().__init__()
        self.job = job

    def run(self) -> None:
        try:
            result = self.job(lambda done, total, text: self.progress.emit(done, total, text))
        except Exception as error:  # handed to the window's thread, which reports it
            self.failed.emit(error)
        else:
            self.done.emit(result)


class Task(QObject):
    """One job on a worker thread, with an optional modal progress dialog."""

    finished = Signal()

    def __init__(self, parent: QWidget | None, title: str, job: Callable[[Report], Any],
                 on_done: Callable[[Any], None], on_error: Callable[[Exception], None],
                 *, show_progress: bool = True) -> None:
        super().__init__(parent)
        self.thread = QThread()
        self.worker = _Worker(job)
        self.worker.moveToThread(self.thread)
        self.dialog: QProgressDialog | None = None
        if show_progress:
            self.dialog = QProgressDialog(title, "", 0, 0, parent)
            self.dialog.setObjectName("taskProgress")
            self.dialog.setWindowTitle(title.rstrip("…"))
            self.dialog.setCancelButton(None)  # the work is short and must not stop half way
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
        self.thread.started.connect(self.worker.run)
        self.running = True

    def start(self) -> Task:
        """Begin the work."""
        self.thread.start()
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
        self.thread.quit()
        self.thread.wait()
        self.running = False
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        try:
            then(value)
        finally:
            self.finished.emit()
            self.deleteLater()
