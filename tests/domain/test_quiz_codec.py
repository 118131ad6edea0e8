"""Self-assessments as stored in the profile: the same JSON whatever the records are."""

from __future__ import annotations

import json

from trainer.domain.quiz import Assessment, Band, Dimension, Statement
from trainer.domain.quiz_codec import assessment_from_json, assessment_to_json

ASSESSMENT = Assessment(
    "courage", "Courage check",
    (Statement("s1", "I say no to a bad deal.", "push"),
     Statement("s2", "I avoid hard questions.", "push", reverse=True)),
    (Dimension("push", "Pushing back", "pushing-back",
               (Band(0, "Early", "Practise one question.", ("deck:pushing-back",)),
                Band(60, "Steady", "Keep going.", ()))),),
    ("No", "Somewhat", "Yes"), "How you push back.", line=12)

# As profiles have stored it since the records were dataclasses (dataclasses.asdict):
# each record a mapping of its fields in their order, the file's line left out.
STORED = (
    '{"id": "courage", "title": "Courage check", "statements": ['
    '{"id": "s1", "text": "I say no to a bad deal.", "dimension": "push", "reverse": false}, '
    '{"id": "s2", "text": "I avoid hard questions.", "dimension": "push", "reverse": true}], '
    '"dimensions": [{"id": "push", "title": "Pushing back", "topic": "pushing-back", '
    '"bands": [{"min": 0, "label": "Early", "advice": "Practise one question.", '
    '"links": ["deck:pushing-back"]}, '
    '{"min": 60, "label": "Steady", "advice": "Keep going.", "links": []}]}], '
    '"scale": ["No", "Somewhat", "Yes"], "description": "How you push back."}')


def test_an_assessment_is_stored_as_before() -> None:
    assert json.dumps(assessment_to_json(ASSESSMENT)) == STORED


def test_a_stored_assessment_reads_back_whole_but_for_its_line() -> None:
    back = assessment_from_json(json.loads(STORED))
    assert back == ASSESSMENT._replace(line=None)
    # Named tuples equal plain ones: the records' types are checked too.
    assert type(back) is Assessment
    assert [type(s) for s in back.statements] == [Statement, Statement]
    assert type(back.dimensions[0]) is Dimension
    assert [type(b) for b in back.dimensions[0].bands] == [Band, Band]
