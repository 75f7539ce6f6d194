"""Cross-checks of the loaded data against outside sources; they read and never write."""
