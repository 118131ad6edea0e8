"""The only module that talks to py-fsrs: our ``ItemState`` in, our ``ItemState`` out."""

from __future__ import annotations

from datetime import datetime, timedelta

from fsrs import Card, Scheduler, State
from fsrs import Rating as FsrsRating

from trainer.domain.scheduling import ItemState, Phase, Rating
from trainer.domain.settings import StudySettings

_TO_STATE = {Phase.LEARNING: State.Learning, Phase.REVIEW: State.Review,
             Phase.RELEARNING: State.Relearning}
_FROM_STATE = {v: k for k, v in _TO_STATE.items()}


def make_scheduler(settings: StudySettings, *, fuzz: bool | None = None,
                   parameters: tuple[float, ...] | None = None) -> Scheduler:
    """A py-fsrs scheduler configured from our settings (``parameters``, when given,
    instead of the settings' own)."""
    kwargs: dict[str, object] = {}
    chosen = parameters if parameters is not None else settings.parameters
    if chosen is not None:
        kwargs["parameters"] = chosen
    return Scheduler(
        desired_retention=settings.desired_retention,
        learning_steps=settings.learning_steps,
        relearning_steps=settings.relearning_steps,
        maximum_interval=settings.maximum_interval_days,
        enable_fuzzing=settings.fuzz if fuzz is None else fuzz,
        **kwargs,  # type: ignore[arg-type]
    )


def to_fsrs(state: ItemState, now: datetime) -> Card:
    """Our state as a py-fsrs card (a never-answered item is a fresh learning card)."""
    if state.phase == Phase.NEW:
        return Card(card_id=state.item_id, state=State.Learning, step=0, due=now)
    return Card(
        card_id=state.item_id,
        state=_TO_STATE[state.phase],
        step=state.step,
        stability=state.stability,
        difficulty=state.difficulty,
        due=state.due,
        last_review=state.last_review,
    )


def review(scheduler: Scheduler, state: ItemState, rating: Rating, now: datetime) -> ItemState:
    """The state after answering ``rating`` at ``now``."""
    card, _log = scheduler.review_card(to_fsrs(state, now), FsrsRating(int(rating)), now)
    lapsed = state.phase == Phase.REVIEW and rating == Rating.AGAIN
    return ItemState(
        item_id=state.item_id,
        phase=_FROM_STATE[card.state],
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due,
        last_review=card.last_review,
        reps=state.reps + 1,
        lapses=state.lapses + int(lapsed),
    )


def preview_intervals(scheduler: Scheduler, state: ItemState,
                      now: datetime) -> dict[Rating, timedelta]:
    """How long until the item comes back for each possible answer (without fuzz)."""
    # One py-fsrs card for the four answers (review_card works on a copy of it), and
    # only its due date read back: the buttons are worked out after every answer.
    card = to_fsrs(state, now)
    return {rating: scheduler.review_card(card, FsrsRating(int(rating)), now)[0].due - now
            for rating in Rating}


def retrievability(scheduler: Scheduler, state: ItemState, now: datetime) -> float:
    """The probability of recalling the item now (0 for a never-answered item)."""
    if state.phase == Phase.NEW:
        return 0.0
    return float(scheduler.get_card_retrievability(to_fsrs(state, now), now))


class FsrsScheduling:
    """The schedulers a profile uses: one for answers, one without fuzz for previews."""

    def __init__(self, settings: StudySettings) -> None:
        self.scheduler = make_scheduler(settings)
        # Buttons show intervals without fuzz, as Anki does.
        self.preview_scheduler = make_scheduler(settings, fuzz=False)

    def review(self, state: ItemState, rating: Rating, now: datetime) -> ItemState:
        """The state after answering ``rating`` at ``now``."""
        return review(self.scheduler, state, rating, now)

    def preview(self, state: ItemState, now: datetime) -> dict[Rating, timedelta]:
        """When the item would come back after each answer."""
        return preview_intervals(self.preview_scheduler, state, now)
