"""Counts in words and the order names are listed in."""

from __future__ import annotations

from trainer.study.wording import count, natural_key


def test_counts_agree_with_their_number() -> None:
    assert count(1, "answer") == "1 answer"
    assert count(0, "answer") == "0 answers"
    assert count(2_500, "older export") == "2,500 older exports"
    assert count(3, "person", "people") == "3 people"


def test_names_sort_as_people_read_them() -> None:
    names = ["Rep 10", "rep 2", "Rep 1", "Ana", "Rep 2b"]
    assert sorted(names, key=natural_key) == ["Ana", "Rep 1", "rep 2", "Rep 2b", "Rep 10"]


def test_topic_ids_read_as_words() -> None:
    from trainer.study.wording import topic_label

    assert topic_label("pushing-back") == "Pushing back"
    assert topic_label("call_objectives") == "Call objectives"
    assert topic_label("") == ""
