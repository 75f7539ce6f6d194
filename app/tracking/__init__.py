"""Implementation tracking: an append-only history of assessments per recommendation."""
