"""UPR API: an open HTTP JSON service for the UN Universal Periodic Review."""

__version__ = "0.1.0"
