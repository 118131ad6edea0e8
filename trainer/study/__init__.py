"""Scheduling (py-fsrs), the review queue and study sessions."""
