"""``trainer export progress`` and ``trainer export csv``: the rep's own history, to send
to a trainer or open in a spreadsheet.

Their arguments are declared in ``trainer.cli``."""

from __future__ import annotations

import argparse
import sys

from trainer.commands import profile_services


def run(args: argparse.Namespace) -> int:
    """Write the progress export (JSON) or the CSV files and say where they went."""
    from trainer.reports import csv_export, progress_export

    with profile_services(args) as services:
        if args.export_command == "csv":
            written = csv_export.write_csv(services.db, services.clock, args.output)
            for path in written:
                print(f"wrote {path}", file=sys.stderr)
            figures = csv_export.summary(services.db)
        else:
            saved = progress_export.write_export(
                services.db, services.clock, args.output, args.name,
                settings=services.study.settings)
            name = saved.display_name
            print(f"wrote {args.output} for learner {saved.learner_id}"
                  + (f" ({name})" if name else " (no name)"), file=sys.stderr)
            figures = progress_export.summary(saved)
    # Status goes to standard error, so that "-o -" leaves standard output clean.
    print(figures, file=sys.stderr)
    return 0
