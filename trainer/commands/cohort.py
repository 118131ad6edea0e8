"""``trainer cohort report``: merge reps' progress exports into an HTML (and CSV) report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from trainer.domain.errors import TrainerError
from trainer.reports.cohort import load_cohort
from trainer.reports.cohort_output import write_report
from trainer.study.wording import count


class NoExportsError(TrainerError):
    """None of the files given is a usable progress export."""


def run(args: argparse.Namespace) -> int:
    """Read the exports, report what was skipped, write the report."""
    paths: list[Path] = list(args.paths)
    cohort = load_cohort(paths)
    for skipped in cohort.skipped:
        print(f"skipped {skipped}", file=sys.stderr)
    if not cohort.learners:
        named = ", ".join(str(p) for p in paths)
        raise NoExportsError(f"no usable progress export in {named}"
                             + (" (every file was skipped, see above)" if cohort.skipped
                                else " (no .json files found)"))
    write_report(cohort, args.output, args.csv)
    replaced = len(cohort.superseded)
    print(f"{count(len(cohort.learners), 'learner')} merged from "
          f"{count(cohort.exports_read, 'export')}"
          + (f", {count(replaced, 'older export')} replaced by newer ones" if replaced else "")
          + (f"; {count(len(cohort.skipped), 'file')} skipped" if cohort.skipped else ""),
          file=sys.stderr)
    print(f"report written to {args.output}", file=sys.stderr)
    if args.csv is not None:
        print(f"CSV written to {args.csv}", file=sys.stderr)
    return 0
