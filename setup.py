"""Compile ``mlepath.extract`` with mypyc at install time; pure Python when that is off or fails.

All metadata lives in pyproject.toml; this file only adds the optional compiled modules
(about 15% less CPU per posting, same output). ``MLEPATH_COMPILE=0 pip install ...`` skips compiling.
Without a working C compiler (or if mypyc rejects a module) the install still succeeds, as pure
Python, after a warning. ``src/mlepath/_build.py`` checks at run time that the compiled modules
were built from the sources beside them; the names below must match it (tests/test_build.py).
"""

from __future__ import annotations

import hashlib
import os
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path
from typing import Any

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext
from setuptools.command.build_py import build_py

# Relative paths on purpose: mypyc derives module names and its build/ folder from them, and
# pip runs this file from the project root.
SRC = Path("src")
EXTRACT = SRC / "mlepath" / "extract"
# Not on the per-posting path: evaluation and explanation only run on gold sets and on request.
NOT_COMPILED = frozenset({"__init__.py", "_evaluate.py", "_explain.py"})
# Names mypyc's shared library, a top-level module (src/ or site-packages/mlepath_extract__mypyc.so)
# instead of a hash. It must be top-level: the compiled modules derive __file__ from its folder
# (inside extract/ they would look for their data files under extract/mlepath/extract/).
GROUP = "mlepath_extract"
MANIFEST = "_mypyc_sources.sha256"


def _compile_requested() -> bool:
    return os.environ.get("MLEPATH_COMPILE", "1").strip().lower() not in {"0", "false", "no", "off"}


def _sources() -> list[Path]:
    return sorted(p for p in EXTRACT.glob("*.py") if p.name not in NOT_COMPILED)


def _warn(message: str) -> None:
    # pip shows a build's output only with -v or on failure, so this is mainly for the log;
    # at run time `python -m mlepath._build` (and `mlepath extract`) say which build runs.
    print(f"WARNING: mlepath: {message}", file=sys.stderr)


def _remove_compiled(root: Path) -> None:
    """Delete the compiled extract modules, their manifest and mypyc's library under ``root``."""
    extract = root / "mlepath" / "extract"
    paths = [*extract.glob("*"), *root.glob(f"{GROUP}__mypyc.*")]
    for path in paths:
        if path.name == MANIFEST or path.name.endswith(tuple(EXTENSION_SUFFIXES)):
            path.unlink()


class BuildPy(build_py):  # type: ignore[misc]
    """An editable pure build also removes compiled modules left in src/ by an earlier build."""

    def run(self) -> None:
        if getattr(self, "editable_mode", False) and not _compile_requested():
            _remove_compiled(SRC)
        super().run()


class MypycBuildExt(build_ext):  # type: ignore[misc]  # untyped in older setuptools
    """Runs mypyc when the extensions are really built, not for metadata; all or nothing.

    setuptools configures build_ext (and so would run mypyc) even to write metadata, so
    ``setup()`` gets stand-ins named as mypyc names its extensions, and ``run()`` fills them in.
    """

    def run(self) -> None:
        # pip builds in the tree: build/lib* may still hold modules of an earlier build.
        _remove_compiled(Path(self.build_lib))
        real = self._mypycify()
        if real is None or set(real) != {ext.name for ext in self.extensions}:
            if real is not None:
                _warn(f"mypyc produced unexpected extensions {sorted(real)}; installing pure Python")
            self._fall_back()
            return
        for ext in self.extensions:  # keep the private fields setuptools set on the stand-ins
            ext.__dict__.update({k: v for k, v in vars(real[ext.name]).items() if k[0] != "_"})
        try:
            super().run()
        except Exception as err:  # no compiler, a compile error, ...: keep the install working
            _warn(f"compiling the extract modules failed ({err}); installing pure Python")
            self._fall_back()
            return
        self._write_manifest(Path(self.build_lib, "mlepath", "extract"))
        if self.inplace:
            self._write_manifest(EXTRACT)

    def _mypycify(self) -> dict[str, Extension] | None:
        sources = _sources()
        # Hash what mypyc is about to read, so an edit made during the build counts as stale.
        self.hashes = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sources}
        # Our own flags, not pyproject's [tool.mypy] (lint settings should not decide whether we
        # compile), and never the target environment's packages: mypy would find them through
        # the interpreter, so a fresh venv (deps installed after the build) and a used one would
        # type-check, and compile, differently. Without them, `hyperscan: Any` followed by
        # `import hyperscan` in extract/_scan.py is a no-redef error (the lint run has hyperscan).
        options = ["--config-file=", "--no-site-packages", "--ignore-missing-imports",
                   "--disable-error-code=no-redef"]
        try:
            # A build requirement, but --no-build-isolation may run without it.
            from mypyc.build import mypycify

            exts = mypycify([*options, *map(str, sources)], opt_level="3", group_name=GROUP)
        except (Exception, SystemExit) as err:  # mypyc reports type errors with sys.exit
            _warn(f"mypyc could not translate the extract modules ({err!r}, details above); "
                  "installing pure Python")
            return None
        return {ext.name: ext for ext in exts}

    def _fall_back(self) -> None:
        # The modules only work together (they call each other through the shared library),
        # so a partial build is removed entirely.
        self.extensions: list[Extension] = []
        _remove_compiled(Path(self.build_lib))
        if self.inplace:
            _remove_compiled(SRC)

    def _write_manifest(self, folder: Path) -> None:
        # sha256sum's format, so `sha256sum -c` in the folder checks it by hand too.
        lines = [f"{digest}  {name}\n" for name, digest in sorted(self.hashes.items())]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / MANIFEST).write_text("".join(lines), encoding="utf-8")

    def get_outputs(self) -> list[str]:
        outputs: list[str] = super().get_outputs()
        return outputs if not self.extensions else [*outputs, str(Path(self.build_lib, "mlepath",
                                                                           "extract", MANIFEST))]


def _setup_args() -> dict[str, Any]:
    cmdclass: dict[str, Any] = {"build_py": BuildPy}
    if not _compile_requested():
        return {"cmdclass": cmdclass}
    cmdclass["build_ext"] = MypycBuildExt
    names = [f"mlepath.extract.{p.stem}" for p in _sources()] + [f"{GROUP}__mypyc"]
    return {"cmdclass": cmdclass, "ext_modules": [Extension(name, []) for name in names]}


setup(**_setup_args())
