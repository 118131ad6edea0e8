"""The daily reminder: when it comes next (at the same clock time across a change to
summer time) and what it says (what waits today, nothing when nothing does)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from trainer.app import Services, open_services
from trainer.clock import FakeClock
from trainer.config import Config
from trainer.domain.scheduling import Rating
from trainer.domain.settings import StudySettings
from trainer.study.reminders import next_reminder, reminder_message
from trainer.study.settings_service import Reminder

BERLIN = ZoneInfo("Europe/Berlin")


def test_the_next_reminder_is_today_while_its_time_is_ahead() -> None:
    now = datetime(2027, 3, 10, 8, 0, tzinfo=BERLIN)
    assert next_reminder(time(9, 30), now, BERLIN) == datetime(2027, 3, 10, 9, 30,
                                                               tzinfo=BERLIN)
    assert next_reminder(time(8, 0), now, BERLIN) == datetime(2027, 3, 11, 8, 0,
                                                              tzinfo=BERLIN)


def test_the_reminder_keeps_its_clock_time_across_summer_time() -> None:
    # Clocks go forward on 28 March 2027 in Berlin: 24 hours after 18:00 is 19:00.
    now = datetime(2027, 3, 27, 18, 5, tzinfo=BERLIN)
    due = next_reminder(time(18, 0), now, BERLIN)
    assert due.astimezone(BERLIN).hour == 18
    assert due.astimezone(UTC) - now.astimezone(UTC) == timedelta(hours=22, minutes=55)


@pytest.fixture
def svc(tmp_path: Path, clock: FakeClock, settings: StudySettings, card_decks: Path
        ) -> Iterator[Services]:
    services = open_services(Config(tmp_path / "data"), clock, settings, card_decks)
    yield services
    services.close()


def test_the_message_says_what_waits_and_nothing_when_nothing_does(
        svc: Services, clock: FakeClock) -> None:
    assert reminder_message(svc.study) == "Waiting today: 20 new items."
    session = svc.study.start("cards")
    for _ in range(20):
        session.answer(Rating.EASY)
    session.finish()
    assert reminder_message(svc.study) is None  # all done today: no reminder
    clock.advance(timedelta(days=30))
    message = reminder_message(svc.study)
    assert message is not None and message.startswith("Waiting today: ")
    assert message == "Waiting today: 20 reviews and 10 new items."


def test_the_reminder_is_stored_with_the_profile(svc: Services) -> None:
    assert svc.settings.reminder() == Reminder(False, time(9, 0))
    svc.settings.set_reminder(Reminder(True, time(17, 45)))
    assert svc.settings.reminder() == Reminder(True, time(17, 45))
    svc.db.execute("UPDATE settings SET value = '\"not json' WHERE key = 'reminder'")
    assert svc.settings.reminder() == Reminder()  # unreadable: off, never a crash
