"""Writing a cohort report to files: the HTML (and the CSV when asked), all or nothing,
never over one of the exports it was read from. Shared by ``trainer cohort report`` and
the window's Save as HTML."""

from __future__ import annotations

from pathlib import Path

from trainer.domain.errors import TrainerError
from trainer.i18n import Context
from trainer.reports.cohort import Cohort


class CohortOutputText(Context):
    """Why the cohort report is not written where it was asked to go."""



def check_outputs(cohort: Cohort, output: Path, csv: Path | None = None) -> None:
    """Refuse to write the report over one of the exports it was made from, or the
    HTML and the CSV over each other; raises ``TrainerError`` saying which."""
    if csv is not None and output.resolve() == csv.resolve():
        raise TrainerError(CohortOutputText.tr(
            "{path}: the report and its CSV need different file names").format(path=output))
    read = [*(learner.source for learner in cohort.learners),
            *(old.path for old in cohort.superseded),
            *(skipped.path for skipped in cohort.skipped)]
    for target in (output, csv):
        if target is None:
            continue
        real = target.resolve()
        name = real.name.casefold()
        # Resolving costs a system call per folder of the path, for a thousand files:
        # only a file of the target's name (in any case, as Windows resolves it) or a
        # link can resolve to it.
        if any((path.name.casefold() == name or path.is_symlink()) and path.resolve() == real
               for path in read):
            raise TrainerError(CohortOutputText.tr(
                "{path}: this is one of the files the report reads; write the report to "
                "another file").format(path=target))


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
