"""``trainer decks`` and ``trainer settings``."""

from __future__ import annotations

import argparse
import json
import sys

from trainer.commands import profile_services
from trainer.domain.errors import TrainerError


def decks(args: argparse.Namespace) -> int:
    """List installed decks with today's counts."""
    with profile_services(args) as services:
        for problem in services.deck_problems:
            print(problem, file=sys.stderr)
        rows = services.study.deck_counts()
        if args.json:
            print(json.dumps([{"id": r.deck.id, "title": r.deck.title,
                               "version": r.deck.version, "new": r.counts.new,
                               "learning": r.counts.learning, "due": r.counts.review}
                              for r in rows], indent=2, ensure_ascii=False))
            return 0
        print(f"{'deck':40} {'new':>5} {'learn':>5} {'due':>5}")
        for row in rows:
            c = row.counts
            print(f"{row.deck.title[:40]:40} {c.new:>5} {c.learning:>5} {c.review:>5}")
    return 0


def settings(args: argparse.Namespace) -> int:
    """Show, and with options change, the scheduling settings."""

    from trainer.storage.deck_rows import list_decks
    from trainer.storage.decks_repo import set_daily_limits
    from trainer.storage.settings_repo import parse_steps, save_settings
    from trainer.study.wording import format_interval

    writes = any(v is not None for v in (
        args.retention, args.learning_steps, args.relearning_steps, args.day_start,
        args.new_per_day, args.reviews_per_day))
    with profile_services(args, writes=writes) as services:
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
            current = current.replace(**changes)
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
        if args.json:
            print(json.dumps({
                "desired_retention": current.desired_retention,
                "learning_steps_seconds": [s.total_seconds() for s in current.learning_steps],
                "relearning_steps_seconds": [s.total_seconds()
                                             for s in current.relearning_steps],
                "day_start_hour": current.day_start_hour,
                "decks": {d.id: {"new_per_day": d.new_per_day,
                                 "reviews_per_day": d.reviews_per_day}
                          for d in decks.values()},
            }, indent=2))
            return 0
        print(f"desired retention  {current.desired_retention:.2f}")
        print("learning steps     " + " ".join(format_interval(s) for s in current.learning_steps))
        print("relearning steps   "
              + " ".join(format_interval(s) for s in current.relearning_steps))
        print(f"day starts at      {current.day_start_hour:02}:00 local time")
        for deck in decks.values():
            print(f"deck {deck.id}: {deck.new_per_day} new and {deck.reviews_per_day} "
                  "reviews a day")
    return 0


