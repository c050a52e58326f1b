"""Imports every command module so each registers its commands on ``app``."""

# One module per stage; each adds its commands to ``mlepath.cli._app.app``.
import importlib

for _name in ("_ingest", "_extract", "_report", "_fit", "_advise", "_serve", "_scale", "_demo"):
    try:
        importlib.import_module(f"mlepath.cli.{_name}")
    except ModuleNotFoundError as exc:  # a stage not built yet
        if exc.name != f"mlepath.cli.{_name}":
            raise
