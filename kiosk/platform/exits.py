"""Exit codes of every `kiosk` command, and the error that ends one with a French sentence.

0 done, 1 refused by a rule (cancelled, already used…), 2 bad input or usage, 3 the environment
failed (database, disk, configuration, server). Shared by the CLI, the Qt entry points and the
demo, which are independent of each other.
"""

from __future__ import annotations

from kiosk.domain.errors import KioskError

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2
EXIT_ENV = 3


class CliError(KioskError):
    """Ends a command: `message` is printed (French) and `code` is the exit code."""

    def __init__(self, message: str, code: int = EXIT_ENV) -> None:
        super().__init__(message)
        self.code = code
