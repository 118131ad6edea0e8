"""Putting the app in the desktop's menu, freedesktop style, for one user: the launcher
entry, the icon, the AppStream metadata and the ``.trainerdeck`` file type, all under
``~/.local/share`` (``$XDG_DATA_HOME``). ``trainer desktop install`` (a pip install) and
the bundle's ``install.sh`` both come here; ``uninstall`` removes exactly these files.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from trainer.content.builtin import resources_dir

APP_ID = "io.github.salestrainer.trainer"


@dataclass(frozen=True)
class Placed:
    """A file written, and where it is."""

    what: str
    path: Path


def data_home(environ: dict[str, str] | None = None) -> Path:
    """``$XDG_DATA_HOME``, or ``~/.local/share``."""
    env = os.environ if environ is None else environ
    value = env.get("XDG_DATA_HOME", "")
    return Path(value) if value and Path(value).is_absolute() else Path.home() / ".local/share"


def launcher() -> list[str]:
    """The command that starts this app: the bundle's own program, the ``trainer``
    script of a pip install, or this Python running ``-m trainer``."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    running = Path(sys.argv[0])
    if running.name in ("trainer", "trainer-gui", "trainer.exe") and running.is_file():
        return [str(running.resolve())]
    script = shutil.which("trainer")
    if script:
        return [str(Path(script).resolve())]
    return [sys.executable, "-m", "trainer"]


def _targets(home: Path) -> dict[str, Path]:
    return {
        "menu entry": home / "applications" / f"{APP_ID}.desktop",
        "icon": home / "icons" / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png",
        "scalable icon": home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
        "file type": home / "mime" / "packages" / f"{APP_ID}.xml",
        "metadata": home / "metainfo" / f"{APP_ID}.metainfo.xml",
    }


def _desktop_entry(command: list[str]) -> str:
    text = (resources_dir() / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    # The Desktop Entry spec quotes arguments with double quotes, as a shell does.
    exec_line = " ".join(shlex.quote(part).replace("'", '"') for part in command)
    return text.replace("Exec=trainer %f", f"Exec={exec_line} %f")


def install(home: Path | None = None, command: list[str] | None = None) -> list[Placed]:
    """Write the menu entry, icons, metadata and file type; returns what was written."""
    home = home or data_home()
    targets = _targets(home)
    resources = resources_dir()
    contents: dict[str, bytes] = {
        "menu entry": _desktop_entry(command or launcher()).encode("utf-8"),
        "icon": (resources / "icons" / "sales-trainer.png").read_bytes(),
        "scalable icon": (resources / "icons" / "sales-trainer.svg").read_bytes(),
        "file type": (resources / f"{APP_ID}.mime.xml").read_bytes(),
        "metadata": (resources / f"{APP_ID}.metainfo.xml").read_bytes(),
    }
    placed = []
    for what, path in targets.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(contents[what])
        placed.append(Placed(what, path))
    _refresh(home)
    return placed


def uninstall(home: Path | None = None) -> list[Placed]:
    """Remove what ``install`` wrote; returns what was there."""
    home = home or data_home()
    removed = []
    for what, path in _targets(home).items():
        if path.exists():
            path.unlink()
            removed.append(Placed(what, path))
    _refresh(home)
    return removed


def _refresh(home: Path) -> None:
    """Tell the desktop about the change, with whichever of its tools are there."""
    for tool, args in (("update-mime-database", [str(home / "mime")]),
                       ("update-desktop-database", [str(home / "applications")]),
                       ("gtk-update-icon-cache", ["-q", "-t", str(home / "icons" / "hicolor")])):
        program = shutil.which(tool)
        if program and Path(args[-1]).is_dir():
            subprocess.run([program, *args], check=False, capture_output=True)


def config_home(environ: dict[str, str] | None = None) -> Path:
    """``$XDG_CONFIG_HOME``, or ``~/.config``."""
    env = os.environ if environ is None else environ
    value = env.get("XDG_CONFIG_HOME", "")
    return Path(value) if value and Path(value).is_absolute() else Path.home() / ".config"


def autostart_path(home: Path | None = None) -> Path:
    """The freedesktop autostart entry that opens the app at login."""
    return (home or config_home()) / "autostart" / f"{APP_ID}.desktop"


def autostart_enabled(home: Path | None = None) -> bool:
    """Whether the app opens at login (our autostart entry is there and not hidden)."""
    path = autostart_path(home)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return False
    return "\nHidden=true" not in text


def set_autostart(enabled: bool, profile: str | None = None,
                  home: Path | None = None, command: list[str] | None = None) -> Path:
    """Open the app at login, minimised, on ``profile`` (so that its daily reminder
    comes), or stop doing so; returns the entry's path. Raises OSError when the entry
    cannot be written or removed."""
    path = autostart_path(home)
    if not enabled:
        path.unlink(missing_ok=True)
        return path
    arguments = [*(command or launcher()), "--minimized"]
    if profile:
        arguments += ["--profile", profile]
    exec_line = " ".join(shlex.quote(part).replace("'", '"') for part in arguments)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join([
        "[Desktop Entry]",
        "Type=Application",
        "Name=Sales Trainer",
        "Comment=Opens minimised at login for the daily study reminder",
        f"Exec={exec_line}",
        f"Icon={APP_ID}",
        "Terminal=false",
        "X-GNOME-Autostart-enabled=true",
        "",
    ]), encoding="utf-8")
    return path
