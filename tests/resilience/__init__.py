"""Resilience tests: crash safety (kill -9 trials), hostile files, fuzzing."""
