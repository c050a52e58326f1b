"""The ``mlepath`` command line: a thin shell over the library.

Each command resolves the store, calls one library function, formats the result and prints it.
Errors the library raises on purpose (``MlepathError``) become one line on stderr and exit 1.
"""

from __future__ import annotations

import sys

from mlepath.errors import MlepathError

from . import _commands  # noqa: F401  (registers every command on ``app``)
from ._app import app, err_console


def main() -> None:
    try:
        app(standalone_mode=False)
    except MlepathError as exc:
        err_console.print(f"[red]Error:[/red] {exc}", highlight=False, soft_wrap=True)
        sys.exit(1)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        err_console.print("Interrupted.")
        sys.exit(130)
    except Exception as exc:  # click usage errors arrive here with standalone_mode=False
        import click

        if isinstance(exc, click.exceptions.ClickException):
            exc.show()
            sys.exit(exc.exit_code)
        if isinstance(exc, click.exceptions.Abort):
            sys.exit(1)
        raise


__all__ = ["app", "main"]
