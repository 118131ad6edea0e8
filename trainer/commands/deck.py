"""``trainer deck check`` and ``trainer deck pack``."""

from __future__ import annotations

import argparse
import json
from datetime import datetime


def check(args: argparse.Namespace) -> int:
    """Validate deck files and folders; exit 0 when nothing is an error."""
    from trainer.content.check import check_paths

    against = None
    if args.against is not None:
        from trainer.library.readers import read_any

        against = read_any(args.against).decks
    report = check_paths(args.paths, against)
    if args.json:
        print(json.dumps(report.to_json(), indent=2))
    else:
        for problem in report.problems:
            print(problem)
        for deck in report.decks:
            questions = sum(len(q.questions) for q in deck.quizzes)
            print(f"ok  {deck.id} {deck.version}: {len(deck.cards)} cards, "
                  f"{len(deck.practice)} practice items, {len(deck.quizzes)} quizzes "
                  f"({questions} questions), "
                  f"{len(deck.assessments)} self-assessments ({deck.path})")
        errors = sum(p.severity == "error" for p in report.problems)
        warnings = len(report.problems) - errors
        print(f"{len(report.decks)} deck(s) usable, {errors} error(s), {warnings} warning(s)")
    return 0 if report.ok else 1



def pack(args: argparse.Namespace) -> int:
    """Check decks and write them into one .trainerdeck package."""
    from trainer.content.package import PACKAGE_SUFFIX
    from trainer.content.package import pack as write_package

    output = args.output
    if output.suffix != PACKAGE_SUFFIX:
        output = output.with_name(output.name + PACKAGE_SUFFIX)
    created = datetime.fromisoformat(args.created) if args.created else None
    report = write_package(args.paths, output, created)
    for problem in report.problems:
        print(problem)
    print(f"wrote {output}: " + ", ".join(f"{d.id} {d.version}" for d in report.decks))
    return 0
