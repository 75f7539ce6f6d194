"""Classifiers that derive a value from a recommendation's own text (see action_category)."""
