"""Cross-cutting infrastructure usable by every layer: paths, logging set-up. No Qt, no SQLAlchemy."""
