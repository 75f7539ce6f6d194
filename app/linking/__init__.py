"""Cross-cycle linking: which recommendations repeat ones made to the same state before, and
which ones in a review are near-identical (see `similarity` for the method)."""
