"""A guard that proves work runs off the window's thread: the guarded function waits
until the window's thread has handled an event of its own. Run on the window's thread
it would wait in vain, and its test fails (after 20 s), never hangs; ``threads`` records
where each call ran."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import QTimer


class OffTheWindow:
    """Wraps ``owner.name`` for one test."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> None:
        self.handled = threading.Event()
        self.threads: list[str] = []
        real = getattr(owner, name)

        def guarded(*args: Any, **kwargs: Any) -> Any:
            on_window = threading.current_thread() is threading.main_thread()
            self.threads.append("window" if on_window else "worker")
            assert self.handled.wait(20), f"the window handled no event during {name}"
            return real(*args, **kwargs)

        monkeypatch.setattr(owner, name, guarded)
        QTimer.singleShot(0, self.handled.set)
