"""Qt item models for the lists of the screens (one model per module)."""
