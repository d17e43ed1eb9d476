"""Small custom widgets shared by pages."""
