"""The ``trainer`` command. With no subcommand it opens the window."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from trainer import __version__
from trainer.config import make_config
from trainer.domain.errors import TrainerError


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = argparse.ArgumentParser(
        prog="trainer",
        description="Sales Trainer: study cards, quizzes and self-assessments offline.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="folder for profiles and backups (default: $TRAINER_DATA_DIR, "
                             "else the system's data folder)")
    parser.add_argument("--profile", metavar="NAME", help="profile to open (default: default)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    deck = sub.add_parser("deck", help="work with deck files")
    deck_sub = deck.add_subparsers(dest="deck_command", metavar="ACTION", required=True)
    check = deck_sub.add_parser("check", help="validate deck files and folders")
    check.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    check.add_argument("--json", action="store_true", help="print a JSON summary")

    sub.add_parser("decks", help="list installed decks with today's counts")
    return parser


def _deck_check(args: argparse.Namespace) -> int:
    from trainer.content.check import check_paths

    report = check_paths(args.paths)
    if args.json:
        print(json.dumps(report.to_json(), indent=2))
    else:
        for problem in report.problems:
            print(problem)
        for deck in report.decks:
            print(f"ok  {deck.id} {deck.version}: {len(deck.cards)} cards ({deck.path})")
        errors = sum(p.severity == "error" for p in report.problems)
        warnings = len(report.problems) - errors
        print(f"{len(report.decks)} deck(s) usable, {errors} error(s), {warnings} warning(s)")
    return 0 if report.ok else 1


def _decks(args: argparse.Namespace) -> int:
    from trainer.app import open_services

    services = open_services(make_config(args.data_dir, args.profile))
    try:
        for problem in services.deck_problems:
            print(problem, file=sys.stderr)
        print(f"{'deck':40} {'new':>5} {'learn':>5} {'due':>5}")
        for row in services.study.deck_counts():
            c = row.counts
            print(f"{row.deck.title[:40]:40} {c.new:>5} {c.learning:>5} {c.review:>5}")
    finally:
        services.close()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        if args.command == "deck":
            return _deck_check(args)
        if args.command == "decks":
            return _decks(args)
        from trainer.gui.run import run_gui

        return int(run_gui(make_config(args.data_dir, args.profile)))
    except (TrainerError, ValueError) as exc:
        print(f"trainer: {exc}", file=sys.stderr)
        return 2
