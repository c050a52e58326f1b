"""The optional mypyc build: a compiled module never runs once its source has changed."""

from __future__ import annotations

import ast
import hashlib
import os
import shutil
import subprocess
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

import mlepath.extract
from mlepath import _build

ROOT = Path(__file__).resolve().parents[1]
SUFFIX = EXTENSION_SUFFIXES[0]


def _setup_constants() -> dict[str, object]:
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    return {node.targets[0].id: ast.literal_eval(node.value) for node in tree.body
            if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)
            and isinstance(node.value, ast.Constant)}


def test_setup_and_runtime_agree_on_names() -> None:
    constants = _setup_constants()
    assert (constants["GROUP"], constants["MANIFEST"]) == (_build.GROUP, _build.MANIFEST)


def test_installed_compiled_build_is_current() -> None:
    """Fails after an edit to a compiled source until the rebuild, with the command to run."""
    state = _build.inspect(Path(mlepath.extract.__file__).parent)
    assert not state.problem, f"{state.problem}; rebuild: {_build.REBUILD}"


def _fake_build(root: Path, sources: dict[str, str], *, manifest: bool = True,
                library: bool = True) -> Path:
    extract = root / "mlepath" / "extract"
    extract.mkdir(parents=True)
    lines = []
    for name, text in sources.items():
        (extract / f"{name}.py").write_text(text, encoding="utf-8")
        (extract / f"{name}{SUFFIX}").write_bytes(b"")
        lines.append(f"{hashlib.sha256(text.encode()).hexdigest()}  {name}.py\n")
    if manifest:
        (extract / _build.MANIFEST).write_text("".join(lines), encoding="utf-8")
    if library:
        (root / f"{_build.GROUP}__mypyc{SUFFIX}").write_bytes(b"")
    return extract


def test_a_current_build_is_usable(tmp_path: Path) -> None:
    state = _build.inspect(_fake_build(tmp_path, {"_doc": "A = 1\n", "patterns": "B = 2\n"}))
    assert state.usable and state.compiled == {"_doc", "patterns"}


def test_a_folder_without_extensions_is_plain_pure_python(tmp_path: Path) -> None:
    extract = tmp_path / "mlepath" / "extract"
    extract.mkdir(parents=True)
    (extract / "_doc.py").write_text("A = 1\n", encoding="utf-8")
    state = _build.inspect(extract)
    assert not state.usable and not state.problem


def test_an_edited_source_makes_the_build_stale(tmp_path: Path) -> None:
    extract = _fake_build(tmp_path, {"_doc": "A = 1\n", "patterns": "B = 2\n"})
    (extract / "_doc.py").write_text("A = 2\n", encoding="utf-8")
    state = _build.inspect(extract)
    assert not state.usable and state.changed == ("_doc.py",)
    assert "_doc.py changed" in state.problem


@pytest.mark.parametrize(("manifest", "library"), [(False, True), (True, False)])
def test_an_incomplete_build_is_not_used(tmp_path: Path, manifest: bool, library: bool) -> None:
    extract = _fake_build(tmp_path, {"_doc": "A = 1\n"}, manifest=manifest, library=library)
    state = _build.inspect(extract)
    assert not state.usable and state.problem


def test_an_extension_missing_from_the_record_is_not_used(tmp_path: Path) -> None:
    extract = _fake_build(tmp_path, {"_doc": "A = 1\n"})
    (extract / f"_old{SUFFIX}").write_bytes(b"")  # e.g. left over from a renamed module
    assert not _build.inspect(extract).usable


@pytest.mark.skipif(not mlepath.extract.compiled(), reason="needs the compiled build")
def test_a_stale_compiled_install_runs_its_current_sources(tmp_path: Path) -> None:
    """A real compiled package, one source edited: warning, then every module from its .py."""
    installed = Path(mlepath.__file__).parent
    shutil.copytree(installed, tmp_path / "mlepath", ignore=shutil.ignore_patterns("__pycache__"))
    for library in installed.parent.glob(f"{_build.GROUP}__mypyc.*"):
        shutil.copy(library, tmp_path)
    doc = tmp_path / "mlepath" / "extract" / "_doc.py"
    doc.write_text(doc.read_text(encoding="utf-8") + "\nEDITED = True\n", encoding="utf-8")
    code = ("import mlepath.extract as e, mlepath.extract._doc as d, mlepath.extract._combine as c\n"
            "t = e.load_taxonomy()\n"
            "print(e.compiled(), d.EDITED, c.__file__.endswith('.py'),"
            " e.extract_requirements('Python and SQL. BS in CS.', t).skills != ())")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    env.pop(_build.PURE_ENV, None)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         check=True, cwd=tmp_path)
    assert out.stdout.split() == ["False", "True", "True", "True"]
    assert "_doc.py changed since the compiled build" in out.stderr
    assert "pip install -e" in out.stderr
