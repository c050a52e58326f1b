"""Which build of ``mlepath.extract`` runs: mypyc-compiled or pure Python, and is it current?

setup.py compiles the extract modules with mypyc and records the sha256 of each compiled source
in ``extract/_mypyc_sources.sha256``. Python imports an extension module before the .py beside
it, so after an edit to a compiled source without a rebuild (easy with an editable install) the
old code would run, silently. ``activate()`` runs when ``mlepath/extract/__init__.py`` imports this
module, before any extract module, and compares the hashes. On any mismatch it warns, naming the rebuild command, and loads every
extract module from its .py: all of them, because compiled modules call each other's compiled
code directly, so one fresh .py among compiled modules would not take effect everywhere.

``MLEPATH_PURE=1`` at run time loads the pure-Python modules of a compiled install too (for
profiling, debugging, or comparing the two builds). ``python -m mlepath._build`` prints the state.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import sys
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.abc import MetaPathFinder
from importlib.machinery import EXTENSION_SUFFIXES, ModuleSpec
from pathlib import Path
from types import ModuleType

# Must match setup.py (tests/test_build.py checks).
GROUP = "mlepath_extract"  # mypyc's shared library: <package root>/mlepath_extract__mypyc.*.so
MANIFEST = "_mypyc_sources.sha256"
PACKAGE = "mlepath.extract"
REBUILD = "pip install -e '.[dev,spark]' (from the repository root)"
PURE_ENV = "MLEPATH_PURE"


@dataclass(frozen=True)
class BuildState:
    """What an extract folder holds. ``compiled`` is the set of modules the shims would load."""

    compiled: frozenset[str]  # module names (``_doc``) with an extension file, without the group
    recorded: dict[str, str]  # source file name -> sha256 recorded at build time
    changed: tuple[str, ...]  # compiled sources that no longer match the build
    problem: str  # why the compiled modules cannot be used, "" if they can (or there are none)

    @property
    def usable(self) -> bool:
        return bool(self.compiled) and not self.problem


def _extension_modules(folder: Path) -> set[str]:
    names = set()
    for path in folder.iterdir():
        for suffix in EXTENSION_SUFFIXES:  # most specific first: .cpython-311-x86_64-linux-gnu.so
            if path.name.endswith(suffix):
                names.add(path.name[: -len(suffix)])
                break
    return names


def _read_manifest(path: Path) -> dict[str, str]:
    recorded = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        digest, _, name = line.partition("  ")
        if name:
            recorded[name] = digest
    return recorded


def inspect(folder: Path) -> BuildState:
    """Compare the compiled modules in ``folder`` (an extract/) with the sources beside them."""
    compiled = frozenset(_extension_modules(folder))
    library = folder.parent.parent / f"{GROUP}__mypyc"  # not a listing: this is site-packages
    has_library = any(library.with_name(library.name + s).is_file() for s in EXTENSION_SUFFIXES)
    manifest = folder / MANIFEST
    if not compiled:
        return BuildState(frozenset(), {}, (), "")
    if not manifest.is_file():
        return BuildState(compiled, {}, (), f"compiled modules without a build record ({MANIFEST})")
    recorded = _read_manifest(manifest)
    expected = {name.removesuffix(".py") for name in recorded}
    changed = tuple(sorted(
        name for name, digest in recorded.items()
        if not (folder / name).is_file()
        or hashlib.sha256((folder / name).read_bytes()).hexdigest() != digest))
    if changed:
        return BuildState(compiled, recorded, changed,
                          f"{', '.join(changed)} changed since the compiled build")
    if compiled != expected or not has_library:
        return BuildState(compiled, recorded, (), "the compiled modules do not match their build "
                          "record (an interrupted or mixed build)")
    return BuildState(compiled, recorded, (), "")


class _PureFinder(MetaPathFinder):
    """Finds the .py of modules that also exist compiled, ahead of the normal path finder."""

    def __init__(self, folder: Path, names: frozenset[str]) -> None:
        self.folder = folder
        self.names = names

    def find_spec(self, fullname: str, path: Sequence[str] | None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        package, _, name = fullname.rpartition(".")
        if package != PACKAGE or name not in self.names:
            return None
        return importlib.util.spec_from_file_location(fullname, self.folder / f"{name}.py")


_state: BuildState | None = None
_running_compiled = False


def activate(folder: Path) -> None:
    """Pick the build to run; must happen before any extract module is imported."""
    global _state, _running_compiled
    _state = inspect(folder)
    forced_pure = os.environ.get(PURE_ENV, "") not in {"", "0"}
    _running_compiled = _state.usable and not forced_pure
    if _state.compiled and not _running_compiled:
        sys.meta_path.insert(0, _PureFinder(folder, _state.compiled))
    if _state.problem:
        warnings.warn(f"mlepath.extract: {_state.problem}; running the pure-Python modules "
                      f"instead (correct, but slower). Rebuild: {REBUILD}", RuntimeWarning,
                      stacklevel=2)


def compiled() -> bool:
    """True when the extract modules in use are the mypyc-compiled ones."""
    return _running_compiled


def describe() -> str:
    """One line for logs and benchmarks, e.g. ``mypyc-compiled (13 modules)``."""
    if _state is None:
        return "not loaded (import mlepath.extract first)"
    if _running_compiled:
        return f"mypyc-compiled ({len(_state.compiled)} modules)"
    if _state.problem:
        return f"pure Python: {_state.problem}; rebuild: {REBUILD}"
    if _state.compiled:
        return f"pure Python (${PURE_ENV} is set)"
    return "pure Python (not compiled at install: MLEPATH_COMPILE=0, or no C compiler)"


def main(argv: list[str]) -> int:
    # Run as __main__, this module is a second copy: ask the one mlepath.extract activated.
    from mlepath import _build

    print(f"mlepath.extract: {_build.describe()}")
    return 1 if "--require-compiled" in argv and not _build.compiled() else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
else:  # imported, which mlepath/extract/__init__.py does before importing any of its modules
    activate(Path(__file__).resolve().parent / "extract")
