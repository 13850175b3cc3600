"""The import rule (DESIGN.md section 3): only app.py, ui/ and views/ may import Qt.

The core (domain, store, services, sync, cti, analytics, demo, settings, oplog, cli) must run without
PySide6 or qasync: the central service, the benchmarks and the CLI import it on machines with no display.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import warnings
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[2] / "hcrm_desktop"
CORE_PACKAGES = ("domain", "store", "services", "sync", "cti", "analytics", "demo")
CORE_MODULES = ("settings.py", "oplog.py", "cli.py")
LAZY_IMPORTS_ALLOWED = {"cli.py"}  # it starts the GUI, importing hcrm_desktop.app inside a function
FORBIDDEN = ("PySide6", "shiboken6", "qasync", "hcrm_desktop.app", "hcrm_desktop.ui", "hcrm_desktop.views")


def core_files() -> list[Path]:
    files = [path for name in CORE_PACKAGES for path in sorted((PACKAGE_DIR / name).rglob("*.py"))]
    files += [PACKAGE_DIR / name for name in CORE_MODULES if (PACKAGE_DIR / name).is_file()]
    return files


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_names(node: ast.Import | ast.ImportFrom, module: str, is_package: bool) -> list[str]:
    """Absolute names an import statement brings in, relative imports resolved against ``module``."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:
        package = module.split(".") if is_package else module.split(".")[:-1]
        package = package[: len(package) - (node.level - 1)]
        base = ".".join([*package, base]) if base else ".".join(package)
    return [base, *(f"{base}.{alias.name}" for alias in node.names)]


def is_forbidden(name: str) -> bool:
    return any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN)


def violations(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    module, is_package = module_name(path), path.name == "__init__.py"
    allow_in_functions = path.name in LAZY_IMPORTS_ALLOWED and path.parent == PACKAGE_DIR
    inside_functions = {
        id(inner)
        for outer in ast.walk(tree)
        if isinstance(outer, ast.FunctionDef | ast.AsyncFunctionDef)
        for inner in ast.walk(outer)
    }
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Import | ast.ImportFrom):
            continue
        if allow_in_functions and id(node) in inside_functions:
            continue
        bad = [name for name in imported_names(node, module, is_package) if is_forbidden(name)]
        if bad:
            found.append(f"{path.relative_to(PACKAGE_DIR.parent)}:{node.lineno} imports {min(bad, key=len)}")
    return found


def test_the_core_exists():
    assert (PACKAGE_DIR / "domain" / "__init__.py").is_file()
    assert len(core_files()) >= len(CORE_PACKAGES)


def test_no_core_module_imports_qt_in_its_source():
    found = [line for path in core_files() for line in violations(path)]

    assert found == [], "core modules must not import Qt (DESIGN.md section 3):\n" + "\n".join(found)


def test_the_check_catches_direct_relative_and_module_level_imports(tmp_path, monkeypatch):
    package = tmp_path / "hcrm_desktop"
    (package / "cti").mkdir(parents=True)
    (package / "cti" / "ringer.py").write_text("from ..ui import tray\nimport qasync\nimport json\n")
    (package / "cli.py").write_text("def run():\n    from . import app\n\nfrom PySide6.QtCore import Qt\n")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE_DIR", package)

    found = [line for path in core_files() for line in violations(path)]

    assert found == [
        "hcrm_desktop/cti/ringer.py:1 imports hcrm_desktop.ui",
        "hcrm_desktop/cti/ringer.py:2 imports qasync",
        "hcrm_desktop/cli.py:4 imports PySide6.QtCore",
    ]


_IMPORT_ONE_BY_ONE = """
import importlib, json, sys
result = {"qt": {}, "missing": {}}
for name in json.loads(sys.argv[1]):
    try:
        importlib.import_module(name)
    except ModuleNotFoundError as error:
        if (error.name or "").partition(".")[0] == "hcrm_desktop":
            raise
        result["missing"][name] = error.name  # a third-party package this environment lacks
        continue
    loaded = sorted(m for m in ("PySide6", "shiboken6", "qasync") if m in sys.modules)
    if loaded:
        result["qt"][name] = loaded
        break
print(json.dumps(result))
"""


def test_importing_the_whole_core_loads_no_qt():
    # Alembic's env.py and revisions only import inside a running migration.
    modules = [module_name(path) for path in core_files() if "migrations" not in path.parts]

    done = subprocess.run(
        [sys.executable, "-c", _IMPORT_ONE_BY_ONE, json.dumps(modules)],
        cwd=PACKAGE_DIR.parent, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip

    assert done.returncode == 0, f"importing the core failed:\n{done.stderr}"
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["qt"] == {}, "importing this module loaded Qt"
    if result["missing"]:
        warnings.warn(f"not imported, a third-party package is missing: {result['missing']}", stacklevel=1)
