"""The progress export's name, version and limits, shared by the writer
(progress_export.py) and the cohort report that reads it (docs/progress-format.md)."""

FORMAT = "sales-trainer-progress"
VERSION = 1
# At most this many characters of a card's or question's plain text go in.
MAX_PROMPT = 200
# A practice reply longer than this is cut (the profile keeps it whole).
MAX_REPLY = 4000
