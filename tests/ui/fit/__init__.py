"""Does every screen fit a 1366×768 PC? The catalogue of screens (screens.py), the geometry checks (geometry.py), the
windows and data they are opened on (stage.py), and the subprocess that opens them all on a 1366×768 offscreen screen
at 100 % or 125 % (probe.py). tests/ui/test_screen_fit.py runs it; scripts/screenshots_fit.py takes the pictures."""
