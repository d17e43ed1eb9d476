"""Resources shipped with the application (reference data, translations, fonts, demo vocabularies)."""
