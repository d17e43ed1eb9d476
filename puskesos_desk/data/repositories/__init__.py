"""Repositories: the only code that queries the ORM. They take a Session and return domain records."""
