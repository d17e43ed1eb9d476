"""PySide6's import hook, made to stop keeping every module's source in memory.

Once PySide6.QtCore is imported, PySide6 looks at every module imported after it to learn whether the module uses
PySide6 (for its opt-in `from __feature__ import …`). It asks `inspect.getsource(module)`, which reads the whole
file through `linecache` and keeps it there: at the desk's start that is 840 source files, about 26 MB of Python
strings scattered through the heap for the rest of the day (benchmarks/walkin.py), and clearing `linecache`
afterwards gives little back because the lines sit between the code objects imported at the same time.

`spare_module_sources()` keeps PySide6's question and answer, a search for "PySide6" in the module's source, and
only changes how the source is read: the file's bytes, read once and dropped. Anything unusual (no file, not a .py
file, a PySide6 without this hook) is left to PySide6's own function.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from types import ModuleType

import PySide6.QtCore  # noqa: F401  (installs the hook this module adjusts)

log = logging.getLogger(__name__)

_HOOK_MODULE = "shibokensupport.feature"
_FUNCTION = "_mod_uses_pyside"
_MARK = "_puskesos_reads_file"


def _file_search(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def mod_uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return original(module)

    setattr(mod_uses_pyside, _MARK, True)
    return mod_uses_pyside


def spare_module_sources() -> bool:
    """Replace PySide6's source search by one that does not cache; False when this PySide6 has no such hook."""
    try:
        hook = importlib.import_module(_HOOK_MODULE)
    except ImportError:
        return False
    original = getattr(hook, _FUNCTION, None)
    if original is None:
        log.debug("PySide6 has no %s.%s: nothing to adjust", _HOOK_MODULE, _FUNCTION)
        return False
    if not getattr(original, _MARK, False):
        setattr(hook, _FUNCTION, _file_search(original))
    return True
