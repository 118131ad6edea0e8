"""``trainer cohort report``: merge reps' progress exports into an HTML (and CSV) report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from trainer.domain.errors import TrainerError
from trainer.reports.cohort import Cohort, load_cohort
from trainer.study.wording import count


class NoExportsError(TrainerError):
    """None of the files given is a usable progress export."""


def check_outputs(cohort: Cohort, output: Path, csv: Path | None = None) -> None:
    """Refuse to write the report over one of the exports it was made from, or the
    HTML and the CSV over each other; raises ``TrainerError`` saying which."""
    if csv is not None and output.resolve() == csv.resolve():
        raise TrainerError(f"{output}: the report and its CSV need different file names")
    read = {path.resolve() for path in (
        *(learner.source for learner in cohort.learners),
        *(old.path for old in cohort.superseded),
        *(skipped.path for skipped in cohort.skipped))}
    for target in (output, csv):
        if target is not None and target.resolve() in read:
            raise TrainerError(f"{target}: this is one of the files the report reads; "
                               "write the report to another file")


def write_report(cohort: Cohort, output: Path, csv: Path | None = None) -> None:
    """Write the HTML report (and the CSV when asked), all or nothing, never over one
    of the exports it was made from."""
    from trainer.reports.cohort_csv import render_csv
    from trainer.reports.cohort_html import render_html
    from trainer.reports.files import write_files

    check_outputs(cohort, output, csv)
    files = {output: render_html(cohort).encode("utf-8")}
    if csv is not None:
        files[csv] = render_csv(cohort)
    write_files(files, "the cohort report")


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
