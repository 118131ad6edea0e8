"""``trainer stats``: the Statistics screen's figures as text or JSON."""

from __future__ import annotations

import argparse
import json
from datetime import date

from trainer.commands import profile_services
from trainer.reports.stats_figures import Stats
from trainer.study.wording import count


def parse_day(text: str | None, option: str) -> date | None:
    """A YYYY-MM-DD option value (``None`` stays ``None``)."""
    if text is None:
        return None
    try:
        if len(text) != len("YYYY-MM-DD"):  # fromisoformat also takes 20261120
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{option} '{text}' is not a date; write it as YYYY-MM-DD") from None


def _percent(share: float | None) -> str:
    return "-" if share is None else f"{share:.0%}"


def summary(stats: Stats) -> str:
    """A short text summary of the figures."""
    t = stats.today
    lines = [
        f"{stats.scope.title}, {stats.first_day} to {stats.last_day}",
        f"today: {count(t.answers, 'answer')} in {t.seconds // 60} min, "
        f"{_percent(t.right_share)} right, {t.new_seen} new, {t.due_now} due",
        f"range: {count(stats.answers, 'answer')} on "
        f"{sum(1 for d in stats.days if d.answers)} of {count(len(stats.days), 'day')}",
        f"true retention: young {_percent(stats.retention['young'].rate)} "
        f"({stats.retention['young'].answers}), mature "
        f"{_percent(stats.retention['mature'].rate)} ({stats.retention['mature'].answers})",
        f"due in the next 7 days: {sum(d.learning + d.review for d in stats.forecast[:7])}",
    ]
    for m in stats.mastery:
        lines.append(f"topic {m.topic}: mean recall {_percent(m.mean_recall)}, "
                     f"{m.at_target}/{m.items} at target, {m.never_seen} never seen")
    cal = stats.calibration
    if cal.answers:
        lines.append(f"calibration: {cal.answers} answers, " + ", ".join(
            f"{lv.label.lower()} {_percent(lv.accuracy)}" for lv in cal.levels))
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Print the statistics of the profile for the chosen deck/topic and dates."""
    from trainer.reports.stats import compute_stats

    start = parse_day(args.date_from, "--from")
    end = parse_day(args.date_to, "--to")
    with profile_services(args) as services:
        stats = compute_stats(services.db, services.clock, services.study.settings,
                              deck=args.deck, topic=args.topic, start=start, end=end)
    print(json.dumps(stats.as_json(), indent=2) if args.json else summary(stats))
    return 0
