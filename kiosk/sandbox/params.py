"""Query-string parsing with 422 bodies in the spec's ``ValidationError`` shape."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from starlette.datastructures import QueryParams

from kiosk.sandbox.rules import STATUSES


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


class QueryReader:
    """Collects every error (like pydantic) before raising one ``QueryValidationError``."""

    def __init__(self, params: QueryParams) -> None:
        self.params = params
        self.errors: list[dict[str, Any]] = []

    def integer(
        self,
        name: str,
        default: int | None = None,
        *,
        minimum: int | None = None,
        exclusive_minimum: int | None = None,
        maximum: int | None = None,
    ) -> int | None:
        raw = self.params.get(name)
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
        raw = self.params.get(name)
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
        raw = self.params.get(name)
        if raw is None or raw == "":
            return None
        try:
            value = datetime.fromisoformat(raw.replace(" ", "+"))
        except ValueError:
            self.errors.append(
                {"loc": [name], "msg": "invalid datetime format", "type": "value_error.datetime"}
            )
            return None
        if value.tzinfo is None:
            self.errors.append(
                {
                    "loc": [name],
                    "msg": "The datetime must be timezone-aware.",
                    "type": "value_error",
                }
            )
            return None
        return value

    def root_error(self, message: str) -> None:
        self.errors.append({"loc": ["__root__"], "msg": message, "type": "value_error"})

    def done(self) -> None:
        if self.errors:
            raise QueryValidationError(self.errors)
