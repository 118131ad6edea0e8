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

    settings = sub.add_parser("settings", help="show or change scheduling settings")
    settings.add_argument("--retention", type=float, metavar="R",
                          help="desired retention, 0.70-0.99 (default 0.90)")
    settings.add_argument("--learning-steps", metavar="STEPS", help='e.g. "1m 10m"')
    settings.add_argument("--relearning-steps", metavar="STEPS", help='e.g. "10m"')
    settings.add_argument("--day-start", type=int, metavar="HOUR",
                          help="local hour at which a new study day begins (default 4)")
    settings.add_argument("--deck", metavar="ID", help="deck whose daily limits to change")
    settings.add_argument("--new-per-day", type=int, metavar="N")
    settings.add_argument("--reviews-per-day", type=int, metavar="N")
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
            questions = sum(len(q.questions) for q in deck.quizzes)
            print(f"ok  {deck.id} {deck.version}: {len(deck.cards)} cards, "
                  f"{len(deck.quizzes)} quizzes ({questions} questions), "
                  f"{len(deck.assessments)} self-assessments ({deck.path})")
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


def _settings(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from trainer.app import open_services
    from trainer.storage.decks_repo import list_decks, set_daily_limits
    from trainer.storage.settings_repo import parse_steps, save_settings
    from trainer.study.wording import format_interval

    services = open_services(make_config(args.data_dir, args.profile))
    try:
        current = services.study.settings
        changes: dict[str, object] = {}
        if args.retention is not None:
            changes["desired_retention"] = args.retention
        if args.learning_steps is not None:
            changes["learning_steps"] = parse_steps(args.learning_steps)
        if args.relearning_steps is not None:
            changes["relearning_steps"] = parse_steps(args.relearning_steps)
        if args.day_start is not None:
            changes["day_start_hour"] = args.day_start
        if changes:
            current = replace(current, **changes)  # type: ignore[arg-type]
            save_settings(services.db, current)
        decks = {d.id: d for d in list_decks(services.db)}
        if args.new_per_day is not None or args.reviews_per_day is not None:
            if args.deck not in decks:
                raise TrainerError(f"--deck must name an installed deck: {', '.join(decks)}")
            old = decks[args.deck]
            set_daily_limits(services.db, args.deck,
                             old.new_per_day if args.new_per_day is None else args.new_per_day,
                             old.reviews_per_day if args.reviews_per_day is None
                             else args.reviews_per_day)
            decks = {d.id: d for d in list_decks(services.db)}
        print(f"desired retention  {current.desired_retention:.2f}")
        print("learning steps     " + " ".join(format_interval(s) for s in current.learning_steps))
        print("relearning steps   "
              + " ".join(format_interval(s) for s in current.relearning_steps))
        print(f"day starts at      {current.day_start_hour:02}:00 local time")
        for deck in decks.values():
            print(f"deck {deck.id}: {deck.new_per_day} new and {deck.reviews_per_day} "
                  "reviews a day")
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
        if args.command == "settings":
            return _settings(args)
        from trainer.gui.run import run_gui

        return int(run_gui(make_config(args.data_dir, args.profile)))
    except (TrainerError, ValueError) as exc:
        print(f"trainer: {exc}", file=sys.stderr)
        return 2
