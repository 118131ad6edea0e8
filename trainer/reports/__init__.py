"""Progress reports and exports: what a rep can hand to a manager or an LMS."""
