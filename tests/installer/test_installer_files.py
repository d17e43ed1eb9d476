"""What can be checked here of the installers that are built elsewhere: the PyInstaller spec (run with recording
fakes), the Windows Inno Setup script, the Linux menu entry, the icons, the version every artefact carries, and
the bundle's size rules. The bundle itself is exercised by installer/smoke-test.sh."""

from __future__ import annotations

import ast
import functools
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

import puskesos_desk
from tests.installer.conftest import INSTALLER, ROOT, load_script

ISS = INSTALLER / "windows" / "puskesos-desk.iss"
DESKTOP = INSTALLER / "linux" / "puskesos-desk.desktop"
APP_ID_GUID = "{{48025FAB-E7E1-434B-9C50-998F50C68D07}"  # pinned: a new GUID would install beside, not over


# --- the Inno Setup script -----------------------------------------------------------------------------------------

def _iss() -> tuple[dict[str, str], dict[str, list[str]]]:
    """(#define values, section -> its lines), with comments and preprocessor lines left out of the sections."""
    defines: dict[str, str] = {}
    sections: dict[str, list[str]] = {}
    current = None
    for raw in ISS.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if match := re.fullmatch(r'#define\s+(\w+)\s+"(.*)"', line):
            defines[match.group(1)] = match.group(2)
        if not line or line.startswith((";", "#")):
            continue
        if match := re.fullmatch(r"\[(\w+)\]", line):
            current = match.group(1)
            sections.setdefault(current, [])
        elif current is not None:
            sections[current].append(line)
    return defines, sections


def _expand(line: str, defines: dict[str, str]) -> str:
    """{#Define} references replaced, except the version, which comes from the generated version.iss."""
    for name, value in defines.items():
        line = line.replace(f"{{#{name}}}", value)
    return line


def _setup() -> dict[str, str]:
    defines, sections = _iss()
    return dict(_expand(line, defines).split("=", 1) for line in sections["Setup"])


def _entries(section: str) -> list[dict[str, str]]:
    """`Name: "x"; Flags: a b` lines as dicts, with {#Define} references expanded."""
    defines, sections = _iss()
    entries = []
    for line in sections.get(section, []):
        line = _expand(line, defines)
        entries.append({key: value.strip().strip('"') for key, value in
                        re.findall(r'(\w+):\s*("(?:[^"]|"")*"|[^;]*)', line)})
    return entries


def _spec_names() -> tuple[str, str]:
    tree = ast.parse((INSTALLER / "puskesos-desk.spec").read_text(encoding="utf-8"))
    names = {target.id: node.value.value for node in tree.body if isinstance(node, ast.Assign)
             for target in node.targets if isinstance(target, ast.Name) and isinstance(node.value, ast.Constant)}
    return names["CLI_NAME"], names["GUI_NAME"]


def test_installs_per_user_without_administrator_rights() -> None:
    setup = _setup()
    assert setup["PrivilegesRequired"] == "lowest"
    assert "PrivilegesRequiredOverridesAllowed" not in setup  # nobody is offered an all-users (admin) install
    assert setup["DefaultDirName"].startswith("{userpf}\\")  # %LOCALAPPDATA%\Programs


def test_a_newer_version_installs_over_an_older_one() -> None:
    setup = _setup()
    assert setup["AppId"] == APP_ID_GUID
    assert setup["UsePreviousAppDir"] == "yes"
    # The old version's libraries go first; nothing outside the program folder is ever deleted on install.
    assert [entry["Name"] for entry in _entries("InstallDelete")] == ["{app}\\_internal"]


def test_uninstall_and_upgrade_never_touch_the_data_folder() -> None:
    """The data lives in %LOCALAPPDATA%\\puskesos-desk (platformdirs, APP_ID): no section deletes anything outside
    the program folder, and nothing is installed into the data folder either."""
    _, sections = _iss()
    assert "UninstallDelete" not in sections
    for section in ("InstallDelete", "UninstallDelete", "UninstallRun", "Dirs", "Files"):
        for entry in _entries(section):
            for key in ("Name", "DestDir"):
                if key in entry:
                    assert entry[key].startswith("{app}"), (section, entry)
    text = ISS.read_text(encoding="utf-8")
    assert f"%LOCALAPPDATA%\\{puskesos_desk.APP_ID}" in text  # the comment names the real folder
    assert "{localappdata}" not in text and "{userappdata}" not in text


def test_files_and_shortcuts_use_the_executables_the_spec_builds() -> None:
    cli, gui = _spec_names()
    defines, _ = _iss()
    assert defines["CliExe"] == f"{cli}.exe" and defines["GuiExe"] == f"{gui}.exe"
    # The bundle folder is the spec's COLLECT name, under dist/ (build.ps1 --distpath dist).
    assert (ISS.parent / defines["BundleDir"].replace("\\", "/")).resolve() == ROOT / "dist" / "puskesos-desk"
    sources = [entry["Source"] for entry in _entries("Files")]
    assert sources[:2] == [f"{defines['BundleDir']}\\{gui}.exe", f"{defines['BundleDir']}\\{cli}.exe"]
    assert f"{defines['BundleDir']}\\_internal\\*" in sources
    for source in sources:
        if not source.startswith(defines["BundleDir"]):  # the bundle is built on Windows; the rest must exist
            assert (ISS.parent / source.replace("\\", "/")).is_file(), source
    icons = _entries("Icons")
    assert {entry["Name"] for entry in icons} == {"{autoprograms}\\Puskesos Desk", "{autodesktop}\\Puskesos Desk"}
    assert {entry["Filename"] for entry in icons} == {f"{{app}}\\{gui}.exe"}
    assert [entry["Name"] for entry in _entries("Tasks")] == ["desktopicon"]
    assert "unchecked" not in _entries("Tasks")[0].get("Flags", "")  # a desktop shortcut unless refused
    setup = _setup()
    assert (ISS.parent / setup["SetupIconFile"].replace("\\", "/")).is_file()
    assert setup["UninstallDisplayIcon"] == f"{{app}}\\{gui}.exe"


def test_version_comes_from_the_package(tmp_path: Path) -> None:
    app_version = load_script("app_version")
    assert app_version.app_version() == puskesos_desk.__version__
    text = ISS.read_text(encoding="utf-8")
    assert '#include "version.iss"' in text
    setup = _setup()
    assert setup["AppVersion"] == "{#AppVersion}" and setup["VersionInfoVersion"] == "{#AppVersionNumeric}"
    include = app_version.iss_include()
    assert f'#define AppVersion "{puskesos_desk.__version__}"' in include
    numbers = ".".join(str(n) for n in app_version.numeric(puskesos_desk.__version__))
    assert f'#define AppVersionNumeric "{numbers}"' in include
    assert app_version.numeric("1.2.0rc1") == (1, 2, 0, 0) and app_version.numeric("3") == (3, 0, 0, 0)


# --- the PyInstaller spec ------------------------------------------------------------------------------------------

def test_spec_bundles_the_app_with_its_data_and_the_frozen_entry(run_spec) -> None:  # type: ignore[no-untyped-def]
    built = run_spec("linux")
    analysis = built.analysis
    assert Path(analysis.args[0][0]) == ROOT / "puskesos_desk" / "__main__.py"
    datas = analysis.kwargs["datas"]
    for source, _dest in datas:
        assert Path(source).exists() or source.startswith("/site/"), source
    destinations = {(Path(src).name, dest.replace("\\", "/")) for src, dest in datas}
    # resources/ lands where infra.paths.resource_path looks in a bundle (sys._MEIPASS/resources).
    assert ("programs.json", "resources/reference") in destinations
    assert ("puskesos_en.qm", "resources/translations") in destinations
    assert ("puskesos-desk.svg", "resources/icons") in destinations
    assert not any(name.endswith(".ts") or name == "__init__.py" for name, dest in destinations
                   if dest.startswith("resources"))
    # Alembic reads its scripts from files next to data/migrate.py, and every one must be there.
    versions = sorted(p.name for p in (ROOT / "puskesos_desk/data/migrations/versions").glob("*.py"))
    assert sorted(n for n, d in destinations if d == "puskesos_desk/data/migrations/versions") == versions
    assert {("env.py", "puskesos_desk/data/migrations"), ("script.py.mako", "puskesos_desk/data/migrations")} \
        <= destinations
    assert {"reportlab", "lokal"} <= set(built.calls["data"])
    assert {"puskesos_desk", "reportlab.graphics.barcode"} <= set(built.calls["submodules"])
    assert analysis.kwargs["optimize"] == 0
    # One console executable on Linux (build.sh links the GUI name to it); the app's folder is dist/puskesos-desk.
    assert [exe.kwargs["name"] for exe in built.executables] == ["puskesos-desk"]
    assert built.executables[0].kwargs["console"] is True
    assert built.collect.kwargs["name"] == "puskesos-desk"
    assert all(exe.kwargs["upx"] is False for exe in built.executables)


def test_spec_on_windows_builds_a_console_and_a_windowed_exe_with_the_package_version(run_spec) -> None:  # type: ignore[no-untyped-def]
    built = run_spec("win32")
    by_name = {exe.kwargs["name"]: exe.kwargs for exe in built.executables}
    cli, gui = _spec_names()
    assert by_name[cli]["console"] is True and by_name[gui]["console"] is False
    for kwargs in by_name.values():
        assert Path(kwargs["icon"]).is_file() and kwargs["icon"].endswith(".ico")
        version = kwargs["version"]
        fixed = version.kwargs["ffi"]
        numbers = load_script("app_version").numeric(puskesos_desk.__version__)
        assert fixed.kwargs["filevers"] == numbers and fixed.kwargs["prodvers"] == numbers
        table = version.kwargs["kids"][0].args[0][0]
        strings = {item.args[0]: item.args[1] for item in table.args[1]}
        assert strings["ProductVersion"] == strings["FileVersion"] == puskesos_desk.__version__


def test_spec_applies_the_size_rules_before_and_after_analysis(run_spec) -> None:  # type: ignore[no-untyped-def]
    built = run_spec("linux")
    assert set(built.analysis.kwargs["excludes"]) >= {"tkinter", "unittest", "pytest", "PySide6.QtNetwork"}
    kept = [dest for dest, _src, _kind in built.analysis.binaries]
    assert kept == ["PySide6/Qt/lib/libQt6Core.so.6", "PySide6/Qt/plugins/platforms/libqxcb.so"]
    assert built.namespace["strip"] is True
    # PyInstaller's Qt hooks are told, so that a dropped plugin's libraries are never analysed in.
    from PyInstaller.utils.hooks.qt import QtLibraryInfo  # the fake run_spec installed, as patched by the spec

    info = QtLibraryInfo()
    assert [Path(src).name for src, _ in info.collect_plugins("platforms")] == ["libqxcb.so", "libqoffscreen.so"]
    assert info.collect_plugins("tls") == []
    assert [Path(src).name for src in (s for s, _ in info.collect_module("PySide6.QtGui")[2])] == ["qtbase_en.qm"]


def test_spec_builds_everything_when_every_rule_is_skipped(run_spec, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("PUSKESOS_BUNDLE_SKIP_RULES", "all")
    built = run_spec("linux")
    assert built.analysis.kwargs["excludes"] == []
    assert len(built.analysis.binaries) == 5 and built.namespace["strip"] is False


def test_modules_loaded_by_name_are_in_the_bundle(run_spec) -> None:  # type: ignore[no-untyped-def]
    """A page that loads a module with importlib.import_module("x") hides it from PyInstaller's analysis: it must be
    a puskesos_desk module (all collected) or a hidden import of the spec."""
    hidden = set(run_spec("linux").analysis.kwargs["hiddenimports"])
    found = set()
    for path in (ROOT / "puskesos_desk").rglob("*.py"):
        for call in re.findall(r"import_module\(\s*f?[\"']([\w.{}]+)[\"']", path.read_text(encoding="utf-8")):
            found.add(call)
    assert found, "no import_module call found: the pattern above is out of date"
    missing = {name for name in found if not name.startswith("puskesos_desk.") and name not in hidden}
    assert not missing


# --- the size rules ------------------------------------------------------------------------------------------------

@functools.cache
def _imports_of_the_app() -> frozenset[str]:
    """Every absolute module name an import statement in puskesos_desk names (lazy imports in functions too)."""
    pattern = re.compile(r"^\s*(?:from\s+([A-Za-z_][\w.]*)\s+import\b|import\s+([\w., ]+?)\s*(?:#.*)?$)", re.MULTILINE)
    names = set()
    for path in (ROOT / "puskesos_desk").rglob("*.py"):
        for source, imported in pattern.findall(path.read_text(encoding="utf-8")):
            names.update([source] if source else [part.split(" as ")[0].strip() for part in imported.split(",")])
    return frozenset(names)


def test_no_excluded_module_is_imported_by_the_app() -> None:
    rules = load_script("bundle_rules")
    excluded = rules.excluded_modules(rules.RULES)
    imported = _imports_of_the_app()
    clashes = {name for name in imported for module in excluded if name == module or name.startswith(module + ".")}
    assert not clashes, f"the app imports modules the bundle leaves out: {clashes} (installer/bundle_rules.py)"


def test_every_qt_module_the_app_imports_is_kept() -> None:
    rules = load_script("bundle_rules")
    used = {name.split(".")[1] for name in _imports_of_the_app() if name.startswith("PySide6.Qt")}
    assert used, "no PySide6 import found"
    assert {name.removeprefix("Qt") for name in used} <= set(rules.QT_LIBRARIES)


@pytest.mark.parametrize(("dest", "plugin", "library", "translation"), [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", False, False, False),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", False, False, False),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", True, False, False),
    ("PySide6/Qt/plugins/platforms/libqminimalegl.so", True, False, False),
    ("PySide6/plugins/platforms/qwindows.dll", False, False, False),
    ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", False, False, False),
    ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", False, False, False),
    ("PySide6/Qt/plugins/imageformats/libqtiff.so", True, False, False),
    ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", False, False, False),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", True, False, False),
    ("PySide6/Qt/lib/libQt6Network.so.6", False, True, False),
    ("PySide6/Qt6Qml.dll", False, True, False),
    ("PySide6/Qt/lib/libQt6PrintSupport.so.6", False, False, False),
    ("PySide6/Qt6Svg.dll", False, False, False),
    ("PySide6/Qt/lib/libicudata.so.73", False, False, False),
    ("PySide6/Qt/translations/qtbase_de.qm", False, False, True),
    ("PySide6/translations/qtbase_en.qm", False, False, False),
    ("reportlab/fonts/Vera.ttf", False, False, False),
])
def test_file_rules(dest: str, plugin: bool, library: bool, translation: bool) -> None:
    rules = load_script("bundle_rules")
    assert (rules.drop_qt_plugin(dest), rules.drop_qt_library(dest), rules.drop_qt_translation(dest)) == \
        (plugin, library, translation)


def test_rules_can_be_skipped_by_name_for_measuring() -> None:
    rules = load_script("bundle_rules")
    assert [rule.name for rule in rules.active_rules("")] == list(rules.RULE_NAMES)
    assert [rule.name for rule in rules.active_rules("strip, qt_plugins")] == \
        [name for name in rules.RULE_NAMES if name not in {"strip", "qt_plugins"}]
    assert rules.active_rules("all") == []
    with pytest.raises(ValueError, match="qt_plugin"):
        rules.active_rules("qt_plugin")


def test_bundle_size_counts_files_and_links(tmp_path: Path) -> None:
    size = load_script("bundle_size")
    app, bare = tmp_path / "app", tmp_path / "bare"
    (app / "_internal").mkdir(parents=True)
    bare.mkdir()
    (app / "puskesos-desk").write_bytes(b"x" * 1000)
    (app / "_internal" / "lib.so").write_bytes(b"y" * 500)
    (app / "puskesos-desk-gui").symlink_to("puskesos-desk")
    (bare / "bare-window").write_bytes(b"z" * 100)
    archive = tmp_path / "app.tar.gz"
    archive.write_bytes(b"a" * 42)
    result = size.measure(app, bare, archive)
    assert (result["app_bytes"], result["app_files"]) == (1500, 3)
    assert (result["bare_bytes"], result["bare_files"]) == (100, 1)
    assert result["goal_bytes"] == 100 + 30 * 1024 * 1024 and result["within_goal"] is True
    assert result["archive_bytes"] == 42


# --- Linux: menu entry and icons -----------------------------------------------------------------------------------

def test_desktop_entry_is_valid_and_starts_the_gui() -> None:
    _, gui = _spec_names()
    lines = DESKTOP.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    keys = dict(line.split("=", 1) for line in lines[1:] if line and not line.startswith("#"))
    assert keys["Type"] == "Application" and keys["Terminal"] == "false"
    assert keys["Exec"] == gui and keys["TryExec"] == gui
    assert keys["Icon"] == "puskesos-desk" and keys["Name"] == puskesos_desk.APP_NAME
    assert keys["Categories"].endswith(";") and keys["Version"] == "1.0"
    build = (INSTALLER / "build.sh").read_text(encoding="utf-8")
    assert f"ln -sfn puskesos-desk \"$BUNDLE/{gui}\"" in build  # the name Exec uses exists in the bundle
    if shutil.which("desktop-file-validate"):
        checked = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False)
        assert checked.returncode == 0 and not checked.stdout.strip(), checked.stdout + checked.stderr


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_icons_exist_in_every_size_linux_and_windows_need() -> None:
    icons = load_script("make_icons")
    for size in icons.SIZES:
        assert _png_size(INSTALLER / "icons" / f"puskesos-desk-{size}.png") == (size, size)
    data = (INSTALLER / "icons" / "puskesos-desk.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = {struct.unpack("<B", data[6 + 16 * i:7 + 16 * i])[0] or 256 for i in range(count)}
    assert sizes == set(icons.ICO_SIZES)
    assert {16, 32, 48, 256} <= sizes  # what Windows asks for: small icons, shortcuts, large tiles
