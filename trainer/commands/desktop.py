"""``trainer desktop install|uninstall``: the app in the desktop's menu, for this user."""

from __future__ import annotations

import argparse

from trainer import desktop


def run(args: argparse.Namespace) -> int:
    """Install or remove the menu entry, icons, metadata and file type."""
    if args.desktop_command == "install":
        command = [args.launcher] if args.launcher else None
        for placed in desktop.install(command=command):
            print(f"{placed.what}: {placed.path}")
        print("Sales Trainer is in the applications menu; double-clicking a .trainerdeck "
              "file opens it to import.")
        return 0
    removed = desktop.uninstall()
    for placed in removed:
        print(f"removed {placed.what}: {placed.path}")
    if not removed:
        print("nothing to remove: the desktop entry was not installed")
    return 0
