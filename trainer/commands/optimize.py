"""``trainer optimize``: fit the scheduler to the rep's own review history.

Its arguments are declared in ``trainer.cli``."""

from __future__ import annotations

import argparse
import json

from trainer.commands import profile_services


def run(args: argparse.Namespace) -> int:
    """Run the optimizer on the chosen profile and print its report.

    Too little history is a report, not an error: the exit status is 0 either way.
    """
    from trainer.study.optimizer import optimize

    with profile_services(args, writes=not args.dry_run) as services:
        result = optimize(services.db, services.study.settings, dry_run=args.dry_run)
    if args.json:
        print(json.dumps(result.as_json(), indent=2))
        return 0
    print(result.message)
    print(f"\n{result.reviews:,} answers in the log; {result.training_reviews:,} of them "
          f"on a later day than the card's previous answer, across "
          f"{result.items_with_history:,} cards.")
    split = "later answers, each predicted from earlier ones only"
    for title, comparison in ((split, result.held_out), ("all answers", result.all_reviews)):
        if comparison is not None:
            print(f"{title}, {comparison.answers:,}:\n"
                  f"  log loss  {comparison.before.log_loss:.4f} -> "
                  f"{comparison.after.log_loss:.4f}\n"
                  f"  RMSE      {comparison.before.rmse:.2%} -> {comparison.after.rmse:.2%}")
    return 0
