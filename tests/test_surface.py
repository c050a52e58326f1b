"""The public surface is enumerated: every command documented, every export real."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer

import mlepath
from mlepath.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands() -> list[tuple[str, Any]]:
    group: Any = typer.main.get_command(app)
    out: list[tuple[str, Any]] = []
    for name, cmd in group.commands.items():
        if hasattr(cmd, "commands"):  # a sub-group such as `postings`
            out.extend((f"{name} {sub}", c) for sub, c in cmd.commands.items())
        else:
            out.append((name, cmd))
    return out


@pytest.mark.parametrize(("name", "cmd"), _commands(), ids=[n for n, _ in _commands()])
def test_every_command_is_documented_with_an_example(name: str, cmd: Any) -> None:
    assert f"mlepath {name}" in README, f"README does not mention `mlepath {name}`"
    assert cmd.help and "Example:" in cmd.help, f"`mlepath {name}` has no example in its help"


@pytest.mark.parametrize("package", ["mlepath", "mlepath.sources", "mlepath.extract",
                                     "mlepath.store", "mlepath.market", "mlepath.profile",
                                     "mlepath.advise", "mlepath.plan", "mlepath.web",
                                     "mlepath.scale"])
def test_all_lists_real_names(package: str) -> None:
    module = importlib.import_module(package)
    exported = getattr(module, "__all__", None)
    assert exported, f"{package} has no __all__"
    missing = [name for name in exported if not hasattr(module, name)]
    assert missing == []


def test_extract_imports_no_heavy_modules() -> None:
    """`mlepath extract` starts fast: extraction never imports the web, plotting or Spark stacks."""
    code = ("import sys, mlepath.extract, mlepath.sources, mlepath.store; "
            "print(','.join(m for m in ('fastapi', 'plotly', 'pyspark', 'jinja2') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_errors_share_one_base() -> None:
    from mlepath import errors

    for name in errors.__all__:
        assert issubclass(getattr(errors, name), mlepath.MlepathError)
