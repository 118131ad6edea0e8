"""Every statistic computed from a history built through the real services."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from stats_history import ANSWER_MS, QUESTION_SECONDS, History

from trainer.app import Services
from trainer.domain.scheduling import Phase
from trainer.domain.settings import StudySettings
from trainer.reports.stats import compute_stats
from trainer.reports.stats_days import day_bounds
from trainer.reports.stats_figures import Buttons
from trainer.storage.study_repo import StudyRepository
from trainer.study.fsrs_adapter import make_scheduler, retrievability


def _stats(h: History, **kwargs: object):  # type: ignore[no-untyped-def]
    kwargs.setdefault("start", h.first_day)
    return compute_stats(h.services.db, h.clock, h.services.study.settings, **kwargs)  # type: ignore[arg-type]


def test_history_has_the_shape_the_figures_rely_on(history: History) -> None:
    assert history.intervals["young"] < 21 <= history.intervals["mature"]
    assert history.first_day < history.young_day < history.lapse_day


def test_answers_per_day_split_by_kind(history: History) -> None:
    stats = _stats(history)
    assert stats.first_day == history.first_day and stats.last_day == history.lapse_day
    by_day = {d.day: d for d in stats.days if d.answers}
    assert set(by_day) == {history.first_day, history.first_day + timedelta(days=1),
                           history.young_day, history.lapse_day}
    first = by_day[history.first_day]
    # Cards A, B and C's three steps, then the six quiz questions: all first answers
    # or learning steps.
    assert (first.answers, first.learning, first.young, first.mature, first.relearning) == (
        11, 11, 0, 0, 0)
    assert first.seconds == 5 * ANSWER_MS // 1000 + 6 * QUESTION_SECONDS
    second = by_day[history.first_day + timedelta(days=1)]
    assert (second.answers, second.learning, second.seconds) == (6, 6, 6 * QUESTION_SECONDS)
    young = by_day[history.young_day]
    assert (young.answers, young.young, young.mature) == (2, 2, 0)
    lapse = by_day[history.lapse_day]
    assert (lapse.answers, lapse.mature, lapse.relearning, lapse.young) == (2, 1, 1, 0)
    assert stats.answers == 21
    assert len(stats.days) == (history.lapse_day - history.first_day).days + 1


def test_buttons_and_true_retention(history: History) -> None:
    stats = _stats(history)
    # Learning: A, B Easy; C Again, Good, Good; quiz: two wrong (Again), four right at
    # medium certainty (Good); day 1: all six right (Good); relearning A: Good.
    assert stats.buttons.learning == Buttons(again=3, hard=0, good=13, easy=2)
    assert stats.buttons.young == Buttons(again=0, hard=1, good=1, easy=0)
    assert stats.buttons.mature == Buttons(again=1, hard=0, good=0, easy=0)
    young, mature = stats.retention["young"], stats.retention["mature"]
    assert (young.answers, young.passed, young.rate) == (2, 2, 1.0)
    assert (mature.answers, mature.passed, mature.rate) == (1, 0, 0.0)


def test_today_summary(history: History) -> None:
    today = _stats(history).today
    assert today.day == history.lapse_day
    assert (today.answers, today.seconds, today.right_share, today.new_seen) == (
        2, 2 * ANSWER_MS // 1000, 0.5, 0)
    # What the queue has now: the qdeck card never shown is new (not due); the quiz's
    # questions and the cards answered all wait for later days.
    due = [s for s in _states(history.services) if s.due is not None
           and s.due < day_bounds(today.day, 4, UTC).end]
    assert today.due_now == len(due) > 0


def _states(services: Services) -> list:  # type: ignore[type-arg]
    repo = StudyRepository(services.db)
    return [repo.state(r[0]) for r in services.db.execute(
        "SELECT item_id FROM item_state WHERE phase > 0 AND active = 1")]


def test_forecast_counts_every_scheduled_item_once(history: History) -> None:
    stats = _stats(history)
    forecast = stats.forecast
    assert len(forecast) == 30 and forecast[0].day == history.lapse_day
    states = _states(history.services)
    horizon = day_bounds(forecast[-1].day, 4, UTC).end
    expected: dict[date, list[int]] = {}
    for s in states:
        if s.due < horizon:
            day = max(forecast[0].day, (s.due - timedelta(hours=4)).date())
            pair = expected.setdefault(day, [0, 0])
            pair[0 if s.phase in (Phase.LEARNING, Phase.RELEARNING) else 1] += 1
    got = {f.day: [f.learning, f.review] for f in forecast if f.learning or f.review}
    assert got == expected and got


def test_mastery_is_py_fsrs_recall_per_topic(history: History) -> None:
    services = history.services
    settings = services.study.settings
    stats = _stats(history)
    scheduler = make_scheduler(settings, fuzz=False)
    now = history.clock()
    recall: dict[str, list[float]] = {}
    counts: dict[str, int] = {}
    for topic, item_id, phase in services.db.execute(
            "SELECT i.topic, s.item_id, s.phase FROM item_state s JOIN items i "
            "ON i.id = s.item_id WHERE s.active = 1"):
        counts[topic] = counts.get(topic, 0) + 1
        if phase > 0:
            state = StudyRepository(services.db).state(item_id)
            recall.setdefault(topic, []).append(retrievability(scheduler, state, now))
    by_topic = {m.topic: m for m in stats.mastery}
    assert set(by_topic) == set(counts) == {"practice", "general", "objections",
                                            "pushing-back"}
    for topic, m in by_topic.items():
        seen = recall.get(topic, [])
        assert (m.items, m.seen, m.never_seen) == (counts[topic], len(seen),
                                                   counts[topic] - len(seen))
        if seen:
            assert m.mean_recall == pytest.approx(sum(seen) / len(seen), abs=1e-12)
            assert m.at_target == sum(r >= 0.9 for r in seen)
        else:
            assert m.mean_recall is None and m.at_target == 0
        assert m.at_target_share == m.at_target / m.items
    practice = by_topic["practice"]
    assert (practice.items, practice.seen) == (30, 3)


def test_quiz_scores_per_topic(history: History) -> None:
    scores = {t.topic: t.points for t in _stats(history).quiz_scores}
    # q-single (objections) and q-tf (pushing-back) were wrong, the rest right.
    assert {t: [(p.answers, p.percent) for p in pts] for t, pts in scores.items()} == {
        "general": [(2, 100.0)], "objections": [(2, 50.0)], "pushing-back": [(2, 50.0)]}
    point = scores["general"][0]
    assert point.quiz == "Mixed quiz" and point.day == history.first_day


def test_calibration(history: History) -> None:
    cal = _stats(history).calibration
    # High: one wrong. Low: one wrong. Medium: four right in the quiz, six on day 1.
    assert cal.answers == 12
    assert [(lv.level, lv.answers, lv.accuracy) for lv in cal.levels] == [
        (1, 1, 0.0), (2, 10, 1.0), (3, 1, 0.0)]
    assert [lv.ideal for lv in cal.levels] == [0.5, 0.735, 0.9]
    assert cal.overconfidence == pytest.approx((0.9 + 0.5 + 10 * (0.735 - 1)) / 12)
    assert cal.cbm_average == pytest.approx((0 - 6 + 10 * 2) / 12)


def test_self_assessment_beside_quiz_accuracy(history: History) -> None:
    trends = {t.dimension: t for t in _stats(history).self_assessment}
    courage = trends["courage"]
    assert courage.topic == "pushing-back" and courage.title == "Courage"
    # Choices (4, 2 reversed) then (5, 1 reversed) on a five-point scale.
    assert [p.score for p in courage.points] == [75.0, 100.0]
    # Two quiz answers on pushing-back by the first self-check (too few to compare),
    # four by the second: q-tf wrong and q-scenario right, then both right on day 1.
    assert [(p.quiz_answers, p.quiz_accuracy) for p in courage.points] == [
        (2, None), (4, 0.75)]
    method = trends["method"]
    assert method.topic is None
    assert [(p.score, p.quiz_answers, p.quiz_accuracy) for p in method.points] == [
        (75.0, 0, None), (50.0, 0, None)]


def test_deck_scope(history: History) -> None:
    stats = _stats(history, deck="cards")
    assert stats.scope.title == "Practice cards"
    assert stats.answers == 9  # A: 4, B: 2, C: 3
    assert stats.buttons.learning == Buttons(again=1, hard=0, good=3, easy=2)
    assert [m.topic for m in stats.mastery] == ["practice"]
    assert stats.quiz_scores == () and stats.calibration.answers == 0
    assert stats.self_assessment == ()
    quiz = _stats(history, deck="qdeck")
    assert quiz.answers == 12 and quiz.calibration.answers == 12
    assert {t.dimension for t in quiz.self_assessment} == {"courage", "method"}


def test_topic_scope(history: History) -> None:
    stats = _stats(history, topic="pushing-back")
    assert stats.scope.title == "Topic: pushing-back"
    assert stats.answers == 4  # q-tf and q-scenario in the quiz and on day 1
    assert [m.topic for m in stats.mastery] == ["pushing-back"]
    assert [t.topic for t in stats.quiz_scores] == ["pushing-back"]
    assert stats.calibration.answers == 4
    assert [t.dimension for t in stats.self_assessment] == ["courage"]


def test_range_filters_days_and_everything_dated(history: History) -> None:
    later = _stats(history, start=history.young_day, end=history.young_day)
    assert [d.day for d in later.days] == [history.young_day]
    assert later.answers == 2 and later.buttons.learning.total == 0
    assert later.quiz_scores == () and later.calibration.answers == 0
    assert later.self_assessment == ()
    # Today and the forecast do not depend on the range.
    assert later.today == _stats(history).today
    only_day_one = _stats(history, start=history.first_day + timedelta(days=1),
                          end=history.first_day + timedelta(days=1))
    assert only_day_one.answers == 6 and only_day_one.calibration.answers == 6
    assert [len(t.points) for t in only_day_one.self_assessment] == [1, 1]


def test_default_range_is_the_last_30_days(history: History) -> None:
    stats = compute_stats(history.services.db, history.clock, history.services.study.settings)
    assert stats.last_day == history.lapse_day
    assert stats.first_day == history.lapse_day - timedelta(days=29)


def test_study_day_starts_at_the_day_start_hour(fresh: Services) -> None:
    settings = StudySettings(fuzz=False, timezone=UTC, day_start_hour=4)
    item = fresh.db.execute("SELECT id FROM items WHERE key = 'p01'").fetchone()[0]
    late = datetime(2026, 3, 10, 3, 30, tzinfo=UTC)  # before 4 am: still 9 March
    fresh.study.answer(item, 3, now=late)  # type: ignore[arg-type]
    clock = lambda: datetime(2026, 3, 10, 12, tzinfo=UTC)  # noqa: E731
    stats = compute_stats(fresh.db, clock, settings, start=date(2026, 3, 9))
    assert [(d.day, d.answers) for d in stats.days] == [(date(2026, 3, 9), 1),
                                                        (date(2026, 3, 10), 0)]


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"deck": "nope"}, "no deck 'nope' in this profile (its decks: cards, qdeck)"),
    ({"topic": "golf"}, "no topic 'golf' in this profile"),
    ({"start": date(2026, 3, 5), "end": date(2026, 3, 1)},
     "the range starts on 2026-03-05, after it ends (2026-03-01)"),
    ({"start": date(2026, 3, 12)},
     "the range starts on 2026-03-12, after it ends (today, 2026-03-10)"),
])
def test_bad_scope_or_range_is_refused(fresh: Services, kwargs: dict[str, object],
                                       message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        compute_stats(fresh.db, fresh.clock, fresh.study.settings, **kwargs)  # type: ignore[arg-type]


def test_fresh_profile_has_empty_figures(fresh: Services) -> None:
    stats = compute_stats(fresh.db, fresh.clock, fresh.study.settings)
    assert stats.answers == 0 and stats.today.right_share is None
    assert stats.retention["young"].rate is None
    assert all(m.seen == 0 and m.mean_recall is None for m in stats.mastery)
    assert sum(f.learning + f.review for f in stats.forecast) == 0
    assert stats.quiz_scores == () and stats.self_assessment == ()
    assert stats.calibration.answers == 0 and stats.calibration.overconfidence is None
