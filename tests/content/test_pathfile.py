"""Learning paths in deck files."""

from __future__ import annotations

from pathlib import Path

from trainer.content.check import check_paths
from trainer.content.deckfile import parse_deck_bytes

DATA = Path(__file__).resolve().parents[1] / "data"
GOOD = (DATA / "quiz_deck.toml").read_bytes()


def test_path_steps_load_in_day_order_with_full_targets() -> None:
    deck = parse_deck_bytes(GOOD, Path("q.toml")).deck
    assert deck is not None
    [path] = deck.paths
    assert (path.id, path.title) == ("week", "Test week")
    assert [(s.day, s.kind, s.target) for s in path.steps] == [
        (1, "deck", "qdeck"), (1, "quiz", "qdeck/mixed"), (2, "assessment", "qdeck/ready")]
    assert path.steps[1].pass_mark == 80 and path.steps[0].cards == 1
    assert path.steps[1].note == "Take it twice if you need to."


def test_step_mistakes() -> None:
    bad = (GOOD.replace(b"day = 2\nassessment", b"assessment")
           .replace(b'deck = "qdeck"\ncards = 1', b'deck = "qdeck"\nquiz = "mixed"')
           .replace(b"pass_mark = 80", b"pass_mark = 80\ncards = 3"))
    result = parse_deck_bytes(bad, Path("q.toml"))
    text = "\n".join(str(p) for p in result.problems)
    assert "a step needs 'day'" in text
    assert "exactly one of 'deck', 'quiz' or 'assessment' (it has deck, quiz)" in text
    assert "'cards' belongs to deck steps only" in text


def test_check_finds_steps_naming_missing_things(tmp_path: Path) -> None:
    text = GOOD.replace(b'quiz = "mixed"', b'quiz = "qdeck/nope"').replace(
        b'deck = "qdeck"\ncards', b'deck = "other"\ncards')
    (tmp_path / "q.toml").write_bytes(text)
    report = check_paths([tmp_path])
    messages = [p.message for p in report.problems if p.severity == "error"]
    assert "step on day 1 names deck 'other': deck 'other' is not among the decks checked" in (
        messages)
    assert "step on day 1 names quiz 'qdeck/nope': deck 'qdeck' has no quiz 'nope'" in messages
