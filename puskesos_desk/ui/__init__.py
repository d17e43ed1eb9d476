"""ui layer: the only package that imports Qt.

Importing it first adjusts PySide6's import hook so it no longer caches the source of every module imported after
Qt (see pyside_source_scan).
"""

from puskesos_desk.ui.pyside_source_scan import spare_module_sources

spare_module_sources()
