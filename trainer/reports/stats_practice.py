"""The practice figures of the Statistics screen: replies by topic, and which rubric
checks a rep keeps missing. Only replies that still count (not undone) are read."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

from trainer.reports.stats_figures import PracticeCheck, PracticeFigure, PracticeTopic
from trainer.reports.stats_sql import ScopeFilter
from trainer.storage.store import Store
from trainer.storage.timefmt import to_db


@dataclass
class _Tally:
    items: int = 0
    practised: set[int] = field(default_factory=set)
    replies: int = 0
    aloud: int = 0
    met: int = 0
    asked: int = 0


def practice_figure(db: Store, scope: ScopeFilter, start: datetime, end: datetime
                    ) -> PracticeFigure:
    """Practice replies given in ``[start, end)`` within the scope."""
    cond, args = scope.where("i.deck_id", topic_column="i.topic")
    items: dict[int, tuple[str, dict[str, str]]] = {}
    for item_id, topic, body in db.execute(
            "SELECT i.id, i.topic, i.body FROM items i WHERE i.kind = 'practice' "
            "AND i.retired = 0" + cond, args):
        checks = json.loads(body or "{}").get("checks", [])
        items[item_id] = (topic, {str(c["id"]): str(c["text"]) for c in checks})
    topics: dict[str, _Tally] = {}
    for topic, _wording in items.values():
        topics.setdefault(topic, _Tally()).items += 1
    by_text: dict[str, list[int]] = {}  # wording -> [asked, missed]
    items_with: dict[str, set[int]] = {}
    for item_id, mode, met_json, checks_json in db.execute(
            # CROSS JOIN keeps the replies outside, as in certainty_counts.
            "SELECT p.item_id, p.mode, p.met, p.checks FROM practice_replies p "
            "CROSS JOIN items i ON i.id = p.item_id WHERE p.review_id IS NOT NULL "
            "AND p.answered_at >= ? AND p.answered_at < ?" + cond,
            [to_db(start), to_db(end), *args]):
        if item_id not in items:
            continue
        topic, wording = items[item_id]
        met, checks = set(json.loads(met_json)), [str(c) for c in json.loads(checks_json)]
        tally = topics[topic]
        tally.practised.add(item_id)
        tally.replies += 1
        tally.aloud += mode == "aloud"
        tally.met += len(met & set(checks))
        tally.asked += len(checks)
        for check in checks:
            # A check the deck no longer has is named by its id.
            text = wording.get(check, check)
            counts = by_text.setdefault(text, [0, 0])
            counts[0] += 1
            counts[1] += check not in met
            items_with.setdefault(text, set()).add(item_id)
    return PracticeFigure(
        replies=sum(t.replies for t in topics.values()),
        topics=tuple(PracticeTopic(topic, t.items, len(t.practised), t.replies, t.aloud,
                                   t.met / t.asked if t.asked else None)
                     for topic, t in sorted(topics.items())),
        checks=tuple(sorted(
            (PracticeCheck(text, len(items_with[text]), asked, missed, missed / asked)
             for text, (asked, missed) in by_text.items()),
            key=lambda c: (-c.missed_share, -c.missed, c.text))),
    )
