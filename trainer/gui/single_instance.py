"""One window per profile: a second start brings the first window forward (and hands
it the file it was asked to import) instead of opening the profile twice.

The profile's lock says whether a window has it; a local socket named after the
profile folder is how the second start talks to the first.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

# Long enough for a window busy with a backup, on a loaded machine; when no window
# listens, connecting fails at once.
_TIMEOUT_MS = 15_000


def server_name(profile_dir: Path) -> str:
    """The local socket's name for a profile (short: some systems limit its length)."""
    digest = hashlib.sha256(str(profile_dir.resolve()).encode()).hexdigest()[:20]
    return f"sales-trainer-{digest}"


def forward(profile_dir: Path, open_file: Path | None) -> bool:
    """Ask the window that has this profile to come forward (and import ``open_file``);
    True if it answered."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(profile_dir))
    if not socket.waitForConnected(_TIMEOUT_MS):
        return False
    message = "raise\n" + (str(open_file.resolve()) if open_file else "") + "\n"
    socket.write(message.encode("utf-8"))
    socket.flush()
    socket.waitForBytesWritten(_TIMEOUT_MS)
    # The answer may already be here (then no further readyRead will come).
    answered = socket.bytesAvailable() > 0 or socket.waitForReadyRead(_TIMEOUT_MS)
    ok = answered and bytes(socket.readAll().data()) == b"ok"
    socket.disconnectFromServer()
    return ok


class InstanceServer(QObject):
    """Listens for later starts on the same profile while the window is open."""

    def __init__(self, profile_dir: Path, on_request: Callable[[Path | None], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.on_request = on_request
        self.server = QLocalServer(self)
        name = server_name(profile_dir)
        # The profile's lock is held, so a socket left by a crashed window is stale.
        QLocalServer.removeServer(name)
        self.listening = self.server.listen(name)
        self.server.newConnection.connect(self._accept)

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            buffer = bytearray()
            socket.readyRead.connect(lambda s=socket, b=buffer: self._read(s, b))
            self._read(socket, buffer)  # what arrived before the connection was made

    def _read(self, socket: QLocalSocket, buffer: bytearray) -> None:
        buffer += bytes(socket.readAll().data())
        if buffer.count(b"\n") < 2:
            return  # the rest of the request is still on its way
        command, path, _ = bytes(buffer).decode("utf-8", "replace").split("\n", 2)
        if command == "raise":
            socket.write(b"ok")
            socket.flush()
        socket.disconnectFromServer()
        if command == "raise":
            self.on_request(Path(path) if path.strip() else None)

    def close(self) -> None:
        """Stop listening."""
        self.server.close()
