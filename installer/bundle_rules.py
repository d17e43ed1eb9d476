"""What the PyInstaller bundle leaves out, as named rules (read by puskesos-desk.spec and tests/installer).

Each rule removes either modules (before analysis, so whatever only they import goes too) or collected files
(after analysis: Qt plugins, Qt libraries, Qt translations). docs/packaging.md has what each rule saves; measure
again with installer/measure-exclusions.sh after a dependency upgrade. PUSKESOS_BUNDLE_SKIP_RULES=a,b (or `all`)
builds without the named rules: that is how the table is measured.

Paths are the bundle's destination paths, '/'-separated, for both layouts PySide6 wheels have:
    Linux    PySide6/Qt/lib/libQt6Gui.so.6   PySide6/Qt/plugins/platforms/libqxcb.so   PySide6/Qt/translations/x.qm
    Windows  PySide6/Qt6Gui.dll              PySide6/plugins/platforms/qwindows.dll    PySide6/translations/x.qm
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

# The Qt modules the application imports (grep "from PySide6" puskesos_desk) plus what their kept plugins need:
# Svg for the SVG icon engine and image plugin (the app icon), DBus for the xcb platform (and the ibus/compose
# input contexts on Linux), XcbQpa for the xcb platform itself, OpenGL for the xcb GLX integration.
QT_LIBRARIES = ("Core", "Gui", "Widgets", "PrintSupport", "Svg", "DBus", "XcbQpa", "OpenGL")

# Plugins kept, by plugin folder: the file names without "lib" and extension ("*": every plugin of the folder).
QT_PLUGINS: dict[str, tuple[str, ...]] = {
    # windows: the Windows desktop; xcb: X11 (and XWayland, so no wayland plugin); offscreen: self-test and CI.
    "platforms": ("qwindows", "qxcb", "qoffscreen"),
    "iconengines": ("qsvgicon",),  # the application icon is an SVG
    "imageformats": ("qsvg", "qico", "qjpeg", "qgif"),  # ico: window icons on Windows; jpeg/gif: letterhead logos
    "printsupport": ("*",),  # every print backend (CUPS on Linux, the Windows spooler)
    # Compose: dead keys on X11; ibus: input methods. Not the virtual keyboard (it needs Qt Quick).
    "platforminputcontexts": ("composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"),
    "xcbglintegrations": ("*",),
    "styles": ("*",),  # Windows: qmodernwindowsstyle, the native look of Windows 10/11
}

# Qt's own catalogues: the interface languages (Bahasa Indonesia, English).
QT_TRANSLATIONS = ("qtbase_en", "qtbase_id", "qt_en", "qt_id")

STDLIB_UNUSED = (
    "tkinter", "_tkinter", "turtle", "turtledemo", "idlelib", "unittest", "doctest", "pydoc", "pydoc_data",
    "lib2to3", "ensurepip", "venv", "distutils", "xmlrpc", "curses", "pdb", "test",
)
DEV_PACKAGES = (
    # Test and build tools that are installed in the development venv (pyproject [test]/[dev]); the app never
    # imports them, but an optional import inside a library could pull them in.
    "pytest", "_pytest", "pytestqt", "hypothesis", "importlinter", "grimp", "zxing_cpp", "rich", "pygments",
    "markdown_it", "PyInstaller", "setuptools", "pkg_resources", "pip", "wheel", "IPython", "numpy",
)
PYSIDE_UNUSED = (
    # Python modules of PySide6 the app does not import; listed so that no optional import drags them in.
    "PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets", "PySide6.QtSql", "PySide6.QtTest", "PySide6.QtUiTools", "PySide6.QtXml",
    "PySide6.QtDBus", "PySide6.QtConcurrent", "PySide6.QtDesigner", "PySide6.QtHelp", "PySide6.QtSvgWidgets",
    "PySide6.QtPdf", "PySide6.QtPdfWidgets",
)
SQLALCHEMY_UNUSED = (
    # SQLite and PostgreSQL (psycopg 3) are the only databases; the test harness is never used at run time.
    "sqlalchemy.dialects.mysql", "sqlalchemy.dialects.mssql", "sqlalchemy.dialects.oracle", "sqlalchemy.testing",
)
PIL_UNUSED = (
    # reportlab needs Pillow for the letterhead logo (PNG/JPEG); AVIF/WebP/Tk/colour management are never used.
    # Pillow skips a format plugin it cannot import, so leaving them out is safe.
    "PIL._avif", "PIL.AvifImagePlugin", "PIL._webp", "PIL.WebPImagePlugin", "PIL._imagingtk", "PIL.ImageTk",
    "PIL.ImageQt", "PIL._imagingcms", "PIL.ImageCms",
)


@dataclass(frozen=True)
class Rule:
    name: str
    why: str
    modules: tuple[str, ...] = ()  # excluded before analysis
    drop_file: object = None  # callable(dest_path) -> bool, applied to collected binaries and data files
    strip: bool = False
    extra: dict[str, object] = field(default_factory=dict)


_LINUX_LIB = re.compile(r"^pyside6/qt/lib/libqt6(\w+)\.so")
_WINDOWS_LIB = re.compile(r"^pyside6/qt6(\w+)\.dll$")
_PLUGIN = re.compile(r"^pyside6/(?:qt/)?plugins/([^/]+)/([^/]+)$")
_TRANSLATION = re.compile(r"^pyside6/(?:qt/)?translations/(.+)\.qm$")


def _norm(dest: str) -> str:
    return dest.replace("\\", "/").lower()


def qt_library_name(dest: str) -> str | None:
    """'Gui' for PySide6/Qt/lib/libQt6Gui.so.6 or PySide6/Qt6Gui.dll; None for anything else."""
    path = _norm(dest)
    match = _LINUX_LIB.match(path) or _WINDOWS_LIB.match(path)
    return match.group(1) if match else None


def drop_qt_library(dest: str) -> bool:
    name = qt_library_name(dest)
    return name is not None and name not in {lib.lower() for lib in QT_LIBRARIES}


def drop_qt_plugin(dest: str) -> bool:
    match = _PLUGIN.match(_norm(dest))
    if match is None:
        return False
    folder, filename = match.groups()
    kept = QT_PLUGINS.get(folder)
    if kept is None:
        return True
    stem = filename.split(".")[0]
    stem = stem[3:] if stem.startswith("lib") else stem
    return "*" not in kept and stem not in kept


def drop_qt_translation(dest: str) -> bool:
    match = _TRANSLATION.match(_norm(dest))
    return match is not None and not match.group(1).startswith(QT_TRANSLATIONS)


def drop_software_opengl(dest: str) -> bool:
    """Windows: Mesa's software OpenGL and the D3D shader compiler, used only by Qt Quick / OpenGL widgets."""
    name = _norm(dest).rsplit("/", 1)[-1]
    return name == "opengl32sw.dll" or name.startswith("d3dcompiler_")


RULES: tuple[Rule, ...] = (
    Rule("qt_plugins", "Qt plugins for platforms, formats and services the app does not use (Wayland, EGLFS, "
                       "VNC, Qt Quick/QML tooling, SQL drivers, TLS, network information, virtual keyboard, "
                       "GTK/portal themes, TIFF/WebP/…); the Qt libraries only they needed go with them",
         drop_file=drop_qt_plugin),
    Rule("qt_libraries", "Qt libraries outside QT_LIBRARIES that a collected plugin still pulled in",
         drop_file=drop_qt_library),
    Rule("windows_software_opengl", "Windows only: opengl32sw.dll (software OpenGL) and d3dcompiler_*.dll; the "
                                    "widgets paint without OpenGL", drop_file=drop_software_opengl),
    Rule("qt_translations", "Qt's own catalogues other than Indonesian and English", drop_file=drop_qt_translation),
    Rule("pyside_modules", "PySide6 Python modules the app never imports", modules=PYSIDE_UNUSED),
    Rule("stdlib", "standard-library packages the app never uses (tkinter, unittest, pydoc, …)",
         modules=STDLIB_UNUSED),
    Rule("dev_packages", "test and build tools from the development venv", modules=DEV_PACKAGES),
    Rule("sqlalchemy_dialects", "SQLAlchemy dialects other than SQLite and PostgreSQL, and its test harness",
         modules=SQLALCHEMY_UNUSED),
    Rule("pil_formats", "Pillow's AVIF, WebP, Tk and colour-management modules and their libraries",
         modules=PIL_UNUSED),
    Rule("strip", "strip symbol tables from the shared libraries (Linux; PyInstaller strip=True)", strip=True),
)
RULE_NAMES = tuple(rule.name for rule in RULES)
ENV_SKIP = "PUSKESOS_BUNDLE_SKIP_RULES"


def active_rules(skip: str | None = None) -> list[Rule]:
    """The rules in force: all, minus those named in PUSKESOS_BUNDLE_SKIP_RULES (comma-separated, or `all`)."""
    value = os.environ.get(ENV_SKIP, "") if skip is None else skip
    names = {part.strip() for part in value.split(",") if part.strip()}
    unknown = names - set(RULE_NAMES) - {"all"}
    if unknown:
        raise ValueError(f"unknown bundle rules in {ENV_SKIP}: {sorted(unknown)} (known: {RULE_NAMES})")
    if "all" in names:
        return []
    return [rule for rule in RULES if rule.name not in names]


def excluded_modules(rules: Iterable[Rule]) -> list[str]:
    return [module for rule in rules for module in rule.modules]


def _drops(rules: Iterable[Rule]) -> list:
    return [rule.drop_file for rule in rules if callable(rule.drop_file)]


def keep(entries: Iterable[tuple], rules: Iterable[Rule]) -> list[tuple]:
    """TOC entries (dest, source, typecode) that no active file rule drops."""
    filters = _drops(rules)
    return [entry for entry in entries if not any(drop(entry[0]) for drop in filters)]


def patch_qt_collection(rules: Iterable[Rule]) -> None:
    """Make PyInstaller's Qt hooks skip the plugins and translations the rules drop, before its binary dependency
    analysis runs: a plugin removed only afterwards would leave every library it linked in the bundle (the GTK
    theme plugin alone brings cairo, pango, gdk-pixbuf, ...). Relies on PyInstaller's QtLibraryInfo (6.x); the
    TOC filter in the spec (keep) still applies if that class ever changes."""
    filters = _drops(rules)
    if not filters:
        return
    from PyInstaller.utils.hooks import qt

    info_class = qt.QtLibraryInfo
    if not (hasattr(info_class, "collect_plugins") and hasattr(info_class, "collect_module")):
        raise RuntimeError("PyInstaller's QtLibraryInfo changed: update installer/bundle_rules.patch_qt_collection")
    original_plugins, original_module = info_class.collect_plugins, info_class.collect_module

    def dropped(source: str, dest_dir: str) -> bool:
        dest = f"{dest_dir}/{os.path.basename(source)}"
        return any(drop(dest) for drop in filters)

    def collect_plugins(self, plugin_type):  # type: ignore[no-untyped-def]
        return [(src, dst) for src, dst in original_plugins(self, plugin_type) if not dropped(src, dst)]

    def collect_module(self, module_name):  # type: ignore[no-untyped-def]
        hidden, binaries, datas = original_module(self, module_name)
        return hidden, binaries, [(src, dst) for src, dst in datas if not dropped(src, dst)]

    info_class.collect_plugins = collect_plugins
    info_class.collect_module = collect_module
