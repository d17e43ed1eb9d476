"""The first-run wizard (issue 12): from a database with no site to a desk ready for the first resident.

first_run_wizard.py holds the wizard and its page order; one module per page (or small group of pages) beside it.
The non-Qt work (checks, creating the site) is services/first_run.py.
"""
