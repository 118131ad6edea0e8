"""The optimizer's fits, shared among processes when the log is big.

A check needs four fits on the earlier slices of the examples and the final fit one on
all of them; each is independent of the others and fsrs-rs holds the interpreter lock
while it fits, so on a machine with more than one processor the biggest fold fits run in
other processes while this one makes the rest. Every fit is the same call on the same
examples wherever it runs, so the parameters are those of fitting one after another.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING

from trainer.domain.settings import StudySettings
from trainer.study.optimizer_data import Kept, examples

if TYPE_CHECKING:
    from fsrs_rs_python import FSRSItem

# Below this many examples the fits are quick and starting a process costs more than
# it saves.
PARALLEL_FROM = 20_000
MAX_WORKERS = 2
# A process must start and make the examples again before it fits: about this share
# of a fit on all of them.
_START_COST = 0.2
Parameters = tuple[float, ...]
Fit = Callable[[Sequence["FSRSItem"], StudySettings], Parameters]
_log = logging.getLogger(__name__)


def _fit_in_worker(kept: Sequence[Kept], settings: StudySettings, sizes: Sequence[int]
                   ) -> list[Parameters | ValueError]:
    from trainer.study.optimizer import fit

    items = examples(kept, max(sizes))
    return [_attempt(fit, items[:size], settings) for size in sizes]


def _share(sizes: Sequence[int], total: int, workers: int) -> list[list[int]]:
    """Which folds (indexes into ``sizes``) this process fits, then each worker: the
    biggest first, each to whoever would finish soonest (this process starts with the
    final fit, a worker with starting up)."""
    load = [float(total)] + [_START_COST * total] * workers
    shares: list[list[int]] = [[] for _ in load]
    for fold in sorted(range(len(sizes)), key=lambda f: -sizes[f]):
        who = load.index(min(load))
        shares[who].append(fold)
        load[who] += sizes[fold]
    return shares


def fits(items: Sequence[FSRSItem], sizes: Sequence[int], settings: StudySettings,
         fit: Fit, kept: Sequence[Kept], workers: int | None = None
         ) -> tuple[list[Parameters], Parameters]:
    """Parameters fitted on ``items[:size]`` for each of ``sizes``, and on all ``items``.

    ``kept`` is what ``items`` were made from, for workers to make them again;
    ``workers`` (default: one per other processor, up to two, from PARALLEL_FROM
    examples on) says how many processes help. A ValueError is raised as fitting one
    after another would raise it: the first fold's first.
    """
    count = min(MAX_WORKERS, (os.cpu_count() or 1) - 1) if workers is None else workers
    # A frozen build's executable is the app: a spawned process would start the app
    # again unless its entry point called multiprocessing.freeze_support().
    frozen = getattr(sys, "frozen", False)
    if count < 1 or frozen or (workers is None and len(items) < PARALLEL_FROM):
        return [fit(items[:size], settings) for size in sizes], fit(items, settings)
    here, *elsewhere = _share(sizes, len(items), count)
    elsewhere = [share for share in elsewhere if share]
    fitted: dict[int, Parameters | ValueError] = {}
    try:
        # "spawn", not fork: the caller may be the window's worker thread, and a
        # forked copy of a running Qt application is not safe.
        with ProcessPoolExecutor(max(1, len(elsewhere)),
                                 mp_context=multiprocessing.get_context("spawn")) as pool:
            pending = [(share, pool.submit(_fit_in_worker, kept, settings,
                                           [sizes[f] for f in share]))
                       for share in elsewhere]
            final = _attempt(fit, items, settings)
            for fold in here:
                fitted[fold] = _attempt(fit, items[:sizes[fold]], settings)
            for share, future in pending:
                fitted.update(zip(share, future.result(), strict=True))
    except (BrokenProcessPool, OSError) as exc:
        # No processes to be had (a sandbox, a frozen build): slower, the same result.
        _log.info("fitting in one process: %s", exc)
        return [fit(items[:size], settings) for size in sizes], fit(items, settings)
    results: list[Parameters] = []
    for outcome in [*(fitted[f] for f in range(len(sizes))), final]:
        if isinstance(outcome, ValueError):
            raise outcome
        results.append(outcome)
    return results[:-1], results[-1]


def _attempt(fit: Fit, items: Sequence[FSRSItem], settings: StudySettings
             ) -> Parameters | ValueError:
    try:
        return fit(items, settings)
    except ValueError as exc:
        return exc
