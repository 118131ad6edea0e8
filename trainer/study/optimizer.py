"""Fitting FSRS to the rep's own answers, as Anki's "Optimize" does.

The review log becomes fsrs-rs training data the way Anki turns its revlog into it
(optimizer_data.py says how).

The examples, in time order, are checked on a hold-out, as each fold of the FSRS
benchmark's time-series split is: parameters fitted on the earliest four fifths predict
the latest fifth, answers the fit never saw and that came after all it learned from.
New parameters are fitted on everything and kept only if the fit on the earlier answers
beats the current parameters on the later ones and the new ones also have a lower log
loss over the whole log (Anki's own test), so running it twice in a row changes nothing.
The check runs in another process while this one makes the final fit where a spare
processor allows (optimizer_fits.py)."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import partial
from typing import TYPE_CHECKING

from trainer.domain.settings import StudySettings
from trainer.i18n import Context, number
from trainer.storage.parameters_repo import save_parameters
from trainer.storage.store import Store
from trainer.study.optimizer_data import (
    Kept,
    TrainingSet,
    answer_count,
    examples,
    read_log_rows,
    training_set,
)
from trainer.study.optimizer_fits import helper

if TYPE_CHECKING:
    from fsrs_rs_python import FSRSItem


class OptimizerText(Context):
    """Texts of tuning the schedule to the rep's answers: its steps and its verdict."""


# Anki asks for 400 examples before it optimizes; fewer items than this gives the
# fit too few different memories to tell a slow learner from a hard card.
MIN_TRAINING_REVIEWS = 400
MIN_ITEMS_WITH_HISTORY = 30
# The latest fifth of the examples is held out: the last fold of the five-fold
# time-series split, and the one that learns from the most.
HOLD_OUT = 5
# Anki shows and stores parameters to 4 decimals; it also brings fsrs-rs's 32-bit
# floats (0.8 is 0.800000012) back inside the bounds py-fsrs checks.
DECIMALS = 4


class Outcome(StrEnum):
    """What an optimization came to."""

    IMPROVED = "improved"
    NOT_BETTER = "not_better"
    TOO_LITTLE_HISTORY = "too_little_history"


@dataclass(frozen=True)
class Evaluation:
    """How well a parameter set predicted recall: lower is better for both."""

    log_loss: float
    rmse: float


@dataclass(frozen=True)
class Comparison:
    """The parameters in use against new ones, on the same answers."""

    answers: int
    before: Evaluation
    after: Evaluation

    @property
    def better(self) -> bool:
        """Whether the new parameters have the lower log loss."""
        return self.after.log_loss < self.before.log_loss


@dataclass(frozen=True)
class OptimizeResult:
    """The report of one run, for the window, the command line and its JSON."""

    outcome: Outcome
    message: str
    reviews: int
    items_reviewed: int
    items_with_history: int
    training_reviews: int
    current: tuple[float, ...]
    new: tuple[float, ...] | None = None
    held_out: Comparison | None = None
    all_reviews: Comparison | None = None
    saved: bool = False

    def as_json(self) -> dict[str, object]:
        """The report as plain JSON values."""
        def comparison(c: Comparison | None) -> dict[str, object] | None:
            if c is None:
                return None
            return {"answers": c.answers,
                    "log_loss_before": c.before.log_loss, "log_loss_after": c.after.log_loss,
                    "rmse_before": c.before.rmse, "rmse_after": c.after.rmse}

        return {
            "outcome": str(self.outcome), "message": self.message, "saved": self.saved,
            "reviews": self.reviews, "items_reviewed": self.items_reviewed,
            "items_with_history": self.items_with_history,
            "training_reviews": self.training_reviews,
            "held_out": comparison(self.held_out), "all_reviews": comparison(self.all_reviews),
            "current_parameters": list(self.current),
            "new_parameters": None if self.new is None else list(self.new),
        }


def fit(items: Sequence[FSRSItem], settings: StudySettings) -> tuple[float, ...]:
    """Parameters fitted to ``items`` (oldest first: fsrs-rs weights recent ones more)."""
    from fsrs_rs_python import DEFAULT_PARAMETERS, FSRS

    fitted = FSRS(DEFAULT_PARAMETERS).compute_parameters(
        list(items), enable_short_term=True,
        num_relearning_steps=len(settings.relearning_steps))
    return tuple(round(float(v), DECIMALS) for v in fitted)


def evaluate(parameters: Sequence[float], items: Sequence[FSRSItem]) -> Evaluation:
    """Log loss and RMSE (over bins, as Anki shows it) of ``parameters`` on ``items``."""
    from fsrs_rs_python import FSRS

    result = FSRS(list(parameters)).evaluate(list(items))
    return Evaluation(float(result.log_loss), float(result.rmse_bins))


def hold_out_cut(count: int) -> int:
    """How many of ``count`` examples, the earliest, the check fits on; it scores the
    fit on the rest."""
    if count < HOLD_OUT:
        raise ValueError(f"a hold-out of 1/{HOLD_OUT} needs at least {HOLD_OUT} examples")
    return count * (HOLD_OUT - 1) // HOLD_OUT


def hold_out(current: Sequence[float], items: Sequence[FSRSItem], settings: StudySettings,
             fitted: Sequence[float] | None = None) -> Comparison:
    """``current`` against parameters fitted on the earliest examples only, on the
    latest fifth (``hold_out_cut``); ``fitted`` is that fit if already made."""
    cut = hold_out_cut(len(items))
    later = items[cut:]
    earlier = fit(items[:cut], settings) if fitted is None else fitted
    return Comparison(len(later), evaluate(current, later), evaluate(earlier, later))


def check(current: Sequence[float], items: Sequence[FSRSItem], settings: StudySettings
          ) -> tuple[Comparison, Evaluation]:
    """The hold-out check, and ``current`` over all ``items``: all the optimizer needs
    besides the final fit and its own figure over all."""
    return hold_out(current, items, settings), evaluate(current, items)


def _check_kept(current: Sequence[float], kept: Sequence[Kept], settings: StudySettings
                ) -> tuple[Comparison, Evaluation]:
    # In the helper process: the examples again from what they were made of.
    return check(current, examples(kept), settings)


def current_parameters(db: Store, settings: StudySettings) -> tuple[float, ...]:
    """The parameters the scheduler uses now: the stored ones when the scheduler accepts
    them (as ``usable_settings`` decides), else py-fsrs's defaults."""
    from trainer.study.fsrs_adapter import make_scheduler
    from trainer.study.stored_settings import usable_settings

    usable = usable_settings(db, settings).parameters
    return tuple(float(v) for v in make_scheduler(
        settings.replace(parameters=usable), fuzz=False).parameters)


def _usable(parameters: Sequence[float], settings: StudySettings) -> bool:
    # Never store what the scheduler would refuse at the next start-up.
    from trainer.study.fsrs_adapter import make_scheduler

    if not all(math.isfinite(v) for v in parameters):
        return False
    try:
        make_scheduler(settings, fuzz=False, parameters=tuple(parameters))
    except ValueError:
        return False
    return True


def _too_little(data: TrainingSet, min_reviews: int, min_items: int) -> str | None:
    if data.example_count >= min_reviews and data.items_with_history >= min_items:
        return None
    return OptimizerText.tr(
        "There is not enough history to tune your schedule yet. It learns from answers to "
        "cards you had already seen on an earlier day: it needs at least {needed} of those, "
        "across at least {cards_needed} different cards. So far you have {answers} across "
        "%n card(s). Keep studying and try again later; until then the standard settings, "
        "which suit most people, stay in use.", "", data.items_with_history).format(
            needed=number(min_reviews), cards_needed=min_items,
            answers=number(data.example_count))


def optimize(db: Store, settings: StudySettings, *, dry_run: bool = False,
             min_reviews: int = MIN_TRAINING_REVIEWS,
             min_items: int = MIN_ITEMS_WITH_HISTORY,
             progress: Callable[[int, int, str], object] | None = None,
             workers: int | None = None) -> OptimizeResult:
    """Fit parameters to the profile's review log and store them if they are better.

    ``dry_run`` reports the same result without storing anything. ``progress(done,
    total, text)`` is told as each of the four stages begins. ``workers`` is how many
    other processes help (default: optimizer_fits.py decides; 0: none; more: one).
    """
    step = progress or (lambda done, total, text: None)
    # Started before the log is read, so that it is ready once the examples are.
    with helper(answer_count(db), workers) as other:
        step(0, 4, OptimizerText.tr("Reading your answers…"))
        data = training_set(read_log_rows(db), settings.day_start_hour, settings.timezone)
        report = OptimizeResult(Outcome.TOO_LITTLE_HISTORY, "", data.reviews,
                                data.items_reviewed, data.items_with_history,
                                data.example_count, current_parameters(db, settings))
        reason = _too_little(data, min_reviews, min_items)
        if reason is not None:
            return replace(report, message=reason)
        try:
            # The check in the other process if there is one, the final fit here.
            step(1, 4, OptimizerText.tr("Fitting parameters to all your answers…"))
            # Handed over before the examples are made here: the other process makes
            # its own meanwhile.
            begun = other.start(_check_kept, report.current, data.kept, settings)
            new = fit(data.items, settings)
            after = evaluate(new, data.items)
            step(2, 4, OptimizerText.tr("Checking new parameters on your later answers…"))
            here = partial(check, report.current, data.items, settings)
            held_out, before = here() if begun is None else begun.result(here)
            step(3, 4, OptimizerText.tr("Comparing them with the ones in use…"))
            overall = Comparison(len(data.items), before, after)
        except ValueError as exc:  # fsrs-rs refuses data it cannot learn from
            return replace(report, outcome=Outcome.NOT_BETTER,
                           message=OptimizerText.tr(
                               "New parameters could not be fitted to your history ({error}); "
                               "your schedule is unchanged.").format(error=exc))
    report = replace(report, outcome=Outcome.NOT_BETTER, new=new, held_out=held_out,
                     all_reviews=overall)
    if not (held_out.better and overall.better):
        return replace(report, message=OptimizerText.tr(
            "Your current settings already predict what you remember as well as new ones "
            "would, so nothing was changed."))
    if not _usable(new, settings):
        return replace(report, message=OptimizerText.tr(
            "The fitted parameters fall outside the range the scheduler accepts, so nothing "
            "was changed."))
    if dry_run:
        return replace(report, outcome=Outcome.IMPROVED, message=OptimizerText.tr(
            "Parameters fitted to your own answers would predict what you remember better "
            "than the ones in use. Nothing was saved (dry run)."))
    save_parameters(db, new)
    return replace(report, outcome=Outcome.IMPROVED, saved=True, message=OptimizerText.tr(
        "Parameters fitted to your own answers predict what you remember better than the "
        "ones in use. Your schedule now uses them."))
