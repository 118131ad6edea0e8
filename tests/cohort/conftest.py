"""Fixtures: the cohort of tests/cohort/cohort_builders.py, built once per run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from cohort_builders import CohortFiles, build_cohort


@pytest.fixture(scope="session")
def cohort_source(tmp_path_factory: pytest.TempPathFactory) -> CohortFiles:
    """The cohort, built once (read-only: tests that change files copy it first)."""
    return build_cohort(tmp_path_factory.mktemp("cohort"))


@pytest.fixture
def cohort_files(cohort_source: CohortFiles, tmp_path: Path,
                 monkeypatch: pytest.MonkeyPatch) -> CohortFiles:
    """A fresh copy of the cohort, with the size limit lowered so "huge.json" is over it
    without the tests writing 50 MB."""
    monkeypatch.setattr("trainer.reports.cohort_read.MAX_FILE_BYTES", 200_000)
    folder = tmp_path / "collected"
    shutil.copytree(cohort_source.folder, folder)
    moved = {role: folder / path.name for role, path in vars(cohort_source).items()
             if role != "folder"}
    return CohortFiles(folder=folder, **moved)
