"""``trainer import`` and ``trainer export``."""

from __future__ import annotations

import argparse
import json
import sys

from trainer.commands import profile_services
from trainer.config import make_config
from trainer.domain.errors import TrainerError


def _terminal_progress(done: int, total: int) -> bool:
    if sys.stderr.isatty() and total:
        end = "\n" if done >= total else ""
        print(f"\rimporting {done}/{total} items", end=end, file=sys.stderr, flush=True)
    return True


def _confirm(question: str) -> bool:
    try:
        return input(f"{question} [y/N] ").strip().lower() in ("y", "yes")
    except EOFError:
        return False


def run_import(args: argparse.Namespace) -> int:
    """Show what importing FILE would change, then (after confirming) install it."""
    with profile_services(args, writes=not args.dry_run) as services:
        plan = services.imports.prepare(args.file, with_history=args.with_history)
        if args.json:
            print(json.dumps(plan.to_json(), indent=2, ensure_ascii=False))
        else:
            print(f"Importing {args.file}:")
            for line in plan.summary():
                print(f"  {line}")
            for problem in plan.bundle.skipped:
                print(f"  skipped: {problem}")
        if args.dry_run:
            return 0
        if plan.has_older:
            print("warning: this file holds an OLDER version than the one installed; "
                  "edited cards would go back to their older text.", file=sys.stderr)
        for warning in plan.clash_warnings():
            print(f"warning: {warning}", file=sys.stderr)
        if not args.yes:
            if not sys.stdin.isatty():
                raise TrainerError("add --yes to import without being asked "
                                   "(or --dry-run to only see the plan)")
            question = ("Import the older version?" if plan.has_older else
                        "Import, and retire those items?" if plan.name_clashes else "Import?")
            if not _confirm(question):
                print("Nothing was imported.")
                return 1
        result = services.imports.apply(plan, _terminal_progress)
        if not args.json:
            print(f"Imported {result.items} items into {', '.join(result.decks)}"
                  + (f", with {result.reviews} past reviews" if result.reviews else "")
                  + (f" and {result.media} images" if result.media else "") + ".")
    return 0


def export_gift(args: argparse.Namespace) -> int:
    """Write an installed deck's quizzes (or a deck file's) as Moodle GIFT."""
    from trainer.content.exporters.gift import write_gift
    from trainer.library.installed import installed_deck

    services = None
    if args.deck.endswith(".toml"):
        from pathlib import Path

        from trainer.content.deckfile import load_deck

        deck = load_deck(Path(args.deck))
    else:
        from trainer.app import open_services

        services = open_services(make_config(args.data_dir, args.profile))
        deck = installed_deck(services.db, args.deck)
    try:
        problems = write_gift(deck, args.output)
        for problem in problems:
            # Errors are questions left out; warnings were written, otherwise than the
            # deck has them (a weight moved to a grade Moodle accepts).
            print(f"skipped: {problem}" if problem.severity == "error" else str(problem),
                  file=sys.stderr)
        left_out = sum(1 for p in problems if p.severity == "error")
        count = sum(len(q.questions) for q in deck.quizzes) - left_out
        print(f"wrote {count} questions to {args.output}", file=sys.stderr)
    finally:
        if services is not None:
            services.close()
    return 0
