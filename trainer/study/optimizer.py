"""Fitting FSRS to the rep's own answers, as Anki's "Optimize" does.

The review log becomes fsrs-rs training data the way Anki turns its revlog into it:
per item, the answers from the start of its last run of learning answers on, each with
the number of whole study days since the previous answer (0 for the same day); one
training example per answer after the first, holding the item's history up to that
answer, kept only when that answer came on a later study day than the one before (FSRS
predicts recall across days; same-day answers still count as history, through its
short-term terms).

The examples, in time order, are checked by a time-series split, as the FSRS benchmark
does: cut into five equal slices, parameters fitted on the first k slices predict slice
k + 1 (k = 1..4), so every prediction is of answers the fit never saw and that came after
all it learned from. New parameters are fitted on everything and kept only if they beat
the current ones on that split and also have a lower log loss over the whole log
(Anki's own test), so running it twice in a row changes nothing.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum
from itertools import groupby
from typing import TYPE_CHECKING

from trainer.domain.scheduling import Phase
from trainer.domain.settings import StudySettings
from trainer.i18n import Context, number
from trainer.storage.parameters_repo import save_parameters
from trainer.storage.store import Store

if TYPE_CHECKING:
    from fsrs_rs_python import FSRSItem


class OptimizerText(Context):
    """Texts of tuning the schedule to the rep's answers: its steps and its verdict."""


# Anki asks for 400 examples before it optimizes; fewer items than this gives the
# fit too few different memories to tell a slow learner from a hard card.
MIN_TRAINING_REVIEWS = 400
MIN_ITEMS_WITH_HISTORY = 30
FOLDS = 5
# Anki shows and stores parameters to 4 decimals; it also brings fsrs-rs's 32-bit
# floats (0.8 is 0.800000012) back inside the bounds py-fsrs checks.
DECIMALS = 4
_LEARNING = (Phase.NEW, Phase.LEARNING)


class Outcome(StrEnum):
    """What an optimization came to."""

    IMPROVED = "improved"
    NOT_BETTER = "not_better"
    TOO_LITTLE_HISTORY = "too_little_history"


@dataclass(frozen=True)
class LoggedReview:
    """One answer from the review log, as the optimizer needs it."""

    item_id: int
    reviewed_at: datetime
    rating: int
    phase_before: int


@dataclass(frozen=True)
class TrainingSet:
    """The log as fsrs-rs training examples, oldest first, with counts for the report."""

    items: list[FSRSItem]
    reviews: int
    items_reviewed: int
    items_with_history: int


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


def read_review_log(db: Store) -> list[LoggedReview]:
    """Every answer in the profile, grouped by item and in time order within each."""
    rows = db.execute("SELECT item_id, reviewed_at, rating, phase_before FROM reviews "
                      "ORDER BY item_id, reviewed_at, id")
    return [LoggedReview(item_id, datetime.fromisoformat(at), rating, phase)
            for item_id, at, rating, phase in rows]


def study_date(when: datetime, day_start_hour: int, zone: tzinfo | None = None) -> date:
    """The study day ``when`` falls in (as ``trainer.study.day.study_day``), as a date."""
    local = when.astimezone(zone) if zone is not None else when.astimezone()
    return (local - timedelta(hours=day_start_hour)).date()


def _from_last_learning(history: list[LoggedReview]) -> list[LoggedReview]:
    """The history from the first answer of its last run of learning answers (an item
    that was forgotten and learned again starts over); empty if it has none."""
    start = None
    for index in range(len(history) - 1, -1, -1):
        if history[index].phase_before in _LEARNING:
            start = index
        elif start is not None:
            break
    return [] if start is None else history[start:]


def training_set(log: Iterable[LoggedReview], day_start_hour: int,
                 zone: tzinfo | None = None) -> TrainingSet:
    """Turn answers (grouped by item, each item's in time order) into training data."""
    from fsrs_rs_python import FSRSItem, FSRSReview

    dated: list[tuple[datetime, int, FSRSItem]] = []
    reviews = items_reviewed = items_with_history = 0
    for item_id, group in groupby(log, key=lambda r: r.item_id):
        history = list(group)
        reviews += len(history)
        items_reviewed += 1
        kept = _from_last_learning(history)
        so_far: list[FSRSReview] = []
        previous: date | None = None
        examples = 0
        for review in kept:
            day = study_date(review.reviewed_at, day_start_hour, zone)
            delta_t = 0 if previous is None else max((day - previous).days, 0)
            so_far.append(FSRSReview(review.rating, delta_t))
            previous = day
            if len(so_far) > 1 and delta_t > 0:
                dated.append((review.reviewed_at, item_id, FSRSItem(list(so_far))))
                examples += 1
        items_with_history += examples > 0
    dated.sort(key=lambda entry: (entry[0], entry[1]))
    return TrainingSet([item for _, _, item in dated], reviews, items_reviewed,
                       items_with_history)


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


def time_series_split(current: Sequence[float], items: Sequence[FSRSItem],
                      settings: StudySettings, folds: int = FOLDS) -> Comparison:
    """``current`` against parameters fitted on earlier answers only, each fold's fit
    predicting the next slice in time; figures are weighted by slice size."""
    if len(items) < folds:
        raise ValueError(f"a {folds}-fold split needs at least {folds} examples")
    bounds = [len(items) * k // folds for k in range(folds + 1)]
    weights: list[int] = []
    before: list[Evaluation] = []
    after: list[Evaluation] = []
    for k in range(1, folds):
        test = items[bounds[k]:bounds[k + 1]]
        weights.append(len(test))
        before.append(evaluate(current, test))
        after.append(evaluate(fit(items[:bounds[k]], settings), test))
    return Comparison(sum(weights), _weighted(before, weights), _weighted(after, weights))


def _weighted(evaluations: Sequence[Evaluation], weights: Sequence[int]) -> Evaluation:
    total = sum(weights)
    return Evaluation(
        sum(e.log_loss * w for e, w in zip(evaluations, weights, strict=True)) / total,
        sum(e.rmse * w for e, w in zip(evaluations, weights, strict=True)) / total)


def current_parameters(db: Store, settings: StudySettings) -> tuple[float, ...]:
    """The parameters the scheduler uses now: the stored ones when the scheduler accepts
    them (as ``usable_settings`` decides), else py-fsrs's defaults."""
    from trainer.study.fsrs_adapter import make_scheduler
    from trainer.study.stored_settings import usable_settings

    usable = usable_settings(db, settings).parameters
    return tuple(float(v) for v in make_scheduler(
        replace(settings, parameters=usable), fuzz=False).parameters)


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
    if len(data.items) >= min_reviews and data.items_with_history >= min_items:
        return None
    return OptimizerText.tr(
        "There is not enough history to tune your schedule yet. It learns from answers to "
        "cards you had already seen on an earlier day: it needs at least {needed} of those, "
        "across at least {cards_needed} different cards. So far you have {answers} across "
        "%n card(s). Keep studying and try again later; until then the standard settings, "
        "which suit most people, stay in use.", "", data.items_with_history).format(
            needed=number(min_reviews), cards_needed=min_items,
            answers=number(len(data.items)))


def optimize(db: Store, settings: StudySettings, *, dry_run: bool = False,
             min_reviews: int = MIN_TRAINING_REVIEWS,
             min_items: int = MIN_ITEMS_WITH_HISTORY,
             progress: Callable[[int, int, str], object] | None = None) -> OptimizeResult:
    """Fit parameters to the profile's review log and store them if they are better.

    ``dry_run`` reports the same result without storing anything. ``progress(done,
    total, text)`` is told as each of the four stages begins.
    """
    step = progress or (lambda done, total, text: None)
    step(0, 4, OptimizerText.tr("Reading your answers…"))
    data = training_set(read_review_log(db), settings.day_start_hour, settings.timezone)
    report = OptimizeResult(Outcome.TOO_LITTLE_HISTORY, "", data.reviews, data.items_reviewed,
                            data.items_with_history, len(data.items),
                            current_parameters(db, settings))
    reason = _too_little(data, min_reviews, min_items)
    if reason is not None:
        return replace(report, message=reason)

    try:
        step(1, 4, OptimizerText.tr("Checking new parameters on your later answers…"))
        held_out = time_series_split(report.current, data.items, settings)
        step(2, 4, OptimizerText.tr("Fitting parameters to all your answers…"))
        new = fit(data.items, settings)
        step(3, 4, OptimizerText.tr("Comparing them with the ones in use…"))
        overall = Comparison(len(data.items), evaluate(report.current, data.items),
                             evaluate(new, data.items))
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
