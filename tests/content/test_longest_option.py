"""`deck check` warns when a rep could pass a quiz by always picking the longest option."""

from __future__ import annotations

from trainer.content.lint import lint_deck, longest_option_bias
from trainer.domain.deck import Deck
from trainer.domain.quiz import Option, Question, QuestionType, Quiz


def question(n: int, best_length: int, others: tuple[int, ...] = (10, 12, 14)) -> Question:
    options = [Option("a", "x" * best_length, 1.0),
               *(Option(chr(98 + i), "y" * length, 0.0) for i, length in enumerate(others))]
    return Question(f"q{n}", QuestionType.SCENARIO, "What now?", "t", options=tuple(options))


def quiz(*questions: Question) -> Quiz:
    return Quiz("qz", "Quiz", "t", tuple(questions), line=7)


def test_best_option_longest_every_time_is_flagged_with_the_count() -> None:
    biased = quiz(*(question(n, 40) for n in range(6)))
    assert longest_option_bias(biased) == (6, 6, 1.5)
    (problem,) = lint_deck(Deck("d", "D", "1", quizzes=(biased,)))
    assert problem.severity == "warning" and problem.line == 7 and problem.item == "qz"
    assert "in 6 of 6 questions the best option is also the longest (chance would give " \
        "about 2)" in problem.message


def test_balanced_lengths_and_too_few_questions_are_not_flagged() -> None:
    # Longest in 2 of 8: what chance gives with four options.
    mixed = quiz(*(question(n, 40 if n < 2 else 11) for n in range(8)))
    assert longest_option_bias(mixed) is None
    assert longest_option_bias(quiz(*(question(n, 40) for n in range(3)))) is None


def test_ties_and_questions_without_one_best_option_are_not_counted() -> None:
    tie = question(0, 14, (10, 12, 14))  # as long as a wrong option: not "the longest"
    two_best = Question("q9", QuestionType.SCENARIO, "?", "t", options=(
        Option("a", "x" * 40, 1.0), Option("b", "x" * 30, 1.0), Option("c", "y", 0.0)))
    biased = quiz(tie, two_best, *(question(n, 40) for n in range(1, 5)))
    assert longest_option_bias(biased) == (4, 5, 1.25)
