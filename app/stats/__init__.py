"""Counts over recommendations: facets, one- and two-dimensional statistics, summaries."""
