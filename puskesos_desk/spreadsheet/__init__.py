"""Workbooks in and out: a guard that refuses hostile xlsx files before any reader touches them, a bounded
reader (python-calamine in a child process), and a writer for styled exchange workbooks. No SQL, no Qt."""
