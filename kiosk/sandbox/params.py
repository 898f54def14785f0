"""Query-string parsing with 422 bodies in the spec's ``ValidationError`` shape."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from starlette.datastructures import QueryParams

from kiosk.sandbox.rules import STATUSES

_DATE_SPACE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2} \d")


class QueryValidationError(Exception):
    def __init__(self, errors: list[dict[str, Any]]) -> None:
        super().__init__(str(errors))
        self.errors = errors

    def api_errors(self) -> dict[str, list[str]]:
        """pcapi's shape: spectree/pydantic errors become ApiErrors ``{"field": ["msg"]}``
        (answered 400); a root validator's error goes under ``global``."""
        body: dict[str, list[str]] = {}
        for error in self.errors:
            field = str(error["loc"][0]) if error.get("loc") else "global"
            if field == "__root__":
                field = "global"
            body.setdefault(field, []).append(error["msg"])
        return body


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)([A-Z])", r"_\1", name).lower()


class QueryReader:
    """Collects every error (like pydantic) before raising one ``QueryValidationError``.

    Parameters are read by their camelCase name or, as pcapi's models also accept their
    field names (``allow_population_by_field_name``), by their snake_case one."""

    def __init__(self, params: QueryParams) -> None:
        self.params = params
        self.errors: list[dict[str, Any]] = []

    def get(self, name: str) -> str | None:
        raw = self.params.get(name)
        return self.params.get(_snake(name)) if raw is None else raw

    def integer(
        self,
        name: str,
        default: int | None = None,
        *,
        minimum: int | None = None,
        exclusive_minimum: int | None = None,
        maximum: int | None = None,
    ) -> int | None:
        raw = self.get(name)
        if raw is None or raw == "":
            return default
        try:
            value = int(raw)
        except ValueError:
            self.errors.append(
                {"loc": [name], "msg": "value is not a valid integer", "type": "type_error.integer"}
            )
            return default
        if exclusive_minimum is not None and value <= exclusive_minimum:
            self._bound(name, "greater than", "not_gt", exclusive_minimum)
        elif minimum is not None and value < minimum:
            self._bound(name, "greater than or equal to", "not_ge", minimum)
        elif maximum is not None and value > maximum:
            self._bound(name, "less than or equal to", "not_le", maximum)
        return value

    def _bound(self, name: str, words: str, code: str, limit: int) -> None:
        self.errors.append(
            {
                "loc": [name],
                "msg": f"ensure this value is {words} {limit}",
                "type": f"value_error.number.{code}",
                "ctx": {"limit_value": limit},
            }
        )

    def pagination(self) -> tuple[int, int]:
        first = self.integer("firstIndex", 1, minimum=1) or 1
        limit = self.integer("limit", 50, exclusive_minimum=0, maximum=50) or 50
        return first, limit

    def status(self, name: str = "status") -> str | None:
        raw = self.get(name)
        if raw is None or raw == "":
            return None
        if raw not in STATUSES:
            permitted = ", ".join(f"'{s}'" for s in STATUSES)
            self.errors.append(
                {
                    "loc": [name],
                    "msg": f"value is not a valid enumeration member; permitted: {permitted}",
                    "type": "type_error.enum",
                    "ctx": {"enum_values": list(STATUSES)},
                }
            )
            return None
        return raw

    def datetime(self, name: str) -> datetime | None:
        """ISO 8601; a naive value is UTC, as pcapi stores and compares them (its own tests
        send ``str(naive_utc)``, with a space before the time)."""
        raw = self.get(name)
        if raw is None or raw == "":
            return None
        text = raw if _DATE_SPACE_TIME.match(raw) else raw.replace(" ", "+")  # a decoded "+"
        try:
            value = datetime.fromisoformat(text)
        except ValueError:
            self.errors.append(
                {"loc": [name], "msg": "invalid datetime format", "type": "value_error.datetime"}
            )
            return None
        return value if value.tzinfo is not None else value.replace(tzinfo=UTC)

    def root_error(self, message: str) -> None:
        self.errors.append({"loc": ["__root__"], "msg": message, "type": "value_error"})

    def done(self) -> None:
        if self.errors:
            raise QueryValidationError(self.errors)
