"""``trainer deck check``: validate deck files and folders and summarize them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from trainer.content.deckfile import ParseResult, parse_deck_file
from trainer.content.lint import lint_deck, renamed_ids
from trainer.content.pathfile import check_path_targets
from trainer.domain.deck import Deck
from trainer.domain.errors import Problem

DECK_SUFFIX = ".toml"


def deck_files(path: Path) -> list[Path]:
    """The deck files at ``path``: the file itself, or every ``*.toml`` under a folder."""
    if path.is_dir():
        return sorted(p for p in path.rglob(f"*{DECK_SUFFIX}") if p.is_file())
    return [path]


@dataclass
class CheckReport:
    """Every deck that parsed and every problem found, across all paths."""

    results: list[ParseResult] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def decks(self) -> list[Deck]:
        """The usable decks, in the order their files were read."""
        return [r.deck for r in self.results if r.deck is not None]

    @property
    def ok(self) -> bool:
        """True when nothing is an error (warnings allowed)."""
        return not any(p.severity == "error" for p in self.problems)

    def to_json(self) -> dict[str, object]:
        """The document printed by ``trainer deck check --json``."""
        return {
            "decks": [
                {
                    "id": d.id,
                    "version": d.version,
                    "title": d.title,
                    "file": str(d.path),
                    "cards": len(d.cards),
                    "practice": len(d.practice),
                    "quizzes": len(d.quizzes),
                    "questions": dict(sorted(Counter(
                        str(q.type) for quiz in d.quizzes for q in quiz.questions).items())),
                    "assessments": len(d.assessments),
                    "paths": len(d.paths),
                }
                for d in self.decks
            ],
            "problems": [p.to_json() for p in self.problems],
        }


def check_paths(paths: list[Path], against: list[Deck] | None = None) -> CheckReport:
    """Parse every deck file under ``paths``; deck ids must be unique across them.

    Usable decks are also linted for likely mistakes (warnings), and compared with
    ``against`` (an earlier version) for ids that changed while the text stayed."""
    report = CheckReport()
    owners: dict[str, Path] = {}
    seen: set[Path] = set()
    for given in paths:
        if not given.exists():
            report.problems.append(Problem(str(given), "no such file or folder"))
            continue
        if not given.is_dir() and not given.is_file():
            # A device or a pipe (/dev/zero, say) would be read for ever.
            report.problems.append(Problem(str(given), "not a file or folder of deck files"))
            continue
        files = deck_files(given)
        if given.is_dir() and not files:
            report.problems.append(
                Problem(str(given), f"no deck files ({DECK_SUFFIX}) in this folder", None, None,
                        "warning")
            )
        for file in files:
            if file.resolve() in seen:
                continue  # named twice (a folder and a file in it): check it once
            seen.add(file.resolve())
            result = parse_deck_file(file)
            report.problems.extend(result.problems)
            deck = result.deck
            if deck is not None and deck.id in owners:
                report.problems.append(
                    Problem(str(file), f"deck id '{deck.id}' is also used by {owners[deck.id]}",
                            1, deck.id)
                )
                result = ParseResult(file, None, result.problems)
            elif deck is not None:
                owners[deck.id] = file
            report.results.append(result)
    _check_deck_links(report, set(owners))
    _check_paths(report)
    for deck in report.decks:
        report.problems.extend(lint_deck(deck))
    if against:
        report.problems.extend(renamed_ids(report.decks, against))
    return report


def _check_paths(report: CheckReport) -> None:
    """Each path step must name a deck, quiz or self-assessment that was read."""
    decks = {d.id: d for d in report.decks}
    paths = [(str(d.path), p) for d in report.decks for p in d.paths]
    for file, path, step, message in check_path_targets(paths, decks):
        report.problems.append(Problem(file, f"step on day {step.day} names "
                                             f"{step.kind} '{step.target}': {message}",
                                       path.line, path.id))


def _check_deck_links(report: CheckReport, deck_ids: set[str]) -> None:
    """A self-assessment's "deck:ID" link must name a deck that was read."""
    for deck in report.decks:
        for assessment in deck.assessments:
            for dimension in assessment.dimensions:
                for band in dimension.bands:
                    for link in band.links:
                        kind, _, target = link.partition(":")
                        if kind == "deck" and target not in deck_ids:
                            report.problems.append(Problem(
                                str(deck.path), f"link '{link}' names no deck that was checked "
                                f"(decks: {', '.join(sorted(deck_ids))})", assessment.line,
                                dimension.id))
