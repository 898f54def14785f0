"""Validate responses against the real OpenAPI 3.1 spec with ``jsonschema`` (2020-12).

The spec (a copy of ``shared/contracts/passculture-public-api.subset.json``) still uses
OpenAPI's ``nullable: true`` on some schemas; JSON Schema ignores that keyword, so it is
rewritten to ``anyOf: [<schema>, {"type": "null"}]`` before validation.
"""

from __future__ import annotations

import copy
import json
import re
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

import httpx
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SPEC_PATH = Path(__file__).with_name("passculture-public-api.subset.json")
SPEC_URI = "urn:passculture:public-api"


def _allow_null(node: Any) -> Any:
    if isinstance(node, list):
        return [_allow_null(item) for item in node]
    if not isinstance(node, dict):
        return node
    converted = {key: _allow_null(value) for key, value in node.items()}
    if converted.pop("nullable", False) is True:
        return {"anyOf": [converted, {"type": "null"}]}
    return converted


@cache
def spec() -> dict[str, Any]:
    return json.loads(SPEC_PATH.read_text(encoding="utf-8"))


@cache
def _registry() -> Registry:
    contents = _allow_null(copy.deepcopy(spec()))
    resource = Resource.from_contents(contents, default_specification=DRAFT202012)
    return Registry().with_resource(SPEC_URI, resource)


@cache
def validator_for(schema_ref: str) -> Draft202012Validator:
    return Draft202012Validator({"$ref": f"{SPEC_URI}{schema_ref}"}, registry=_registry())


def response_schema_ref(method: str, template: str, status: int) -> str | None:
    operation = spec()["paths"][template][method.lower()]
    response = operation["responses"].get(str(status))
    assert response is not None, f"{method} {template} does not declare {status}"
    content = response.get("content")
    if not content:
        return None
    return content["application/json"]["schema"]["$ref"]


def _declares(method: str, template: str, status: int) -> bool:
    return str(status) in spec()["paths"][template][method.lower()]["responses"]


def validate(method: str, template: str, response: httpx.Response) -> None:
    """The status is declared for this operation and the body matches its schema."""
    if response.status_code == 400 and not _declares(method, template, 400):
        # The spec declares 422 (pydantic list) for invalid parameters, but the real server
        # answers 400 with an ApiErrors body {"field": ["message"]}: pcapi's upstream tests
        # (get_bookings_test.py, products test_400_when_invalid_query_parameters) say so, and
        # the sandbox follows the server rather than the spec.
        body = response.json()
        assert isinstance(body, dict) and body, body
        assert all(
            isinstance(v, list) and all(isinstance(m, str) for m in v) for v in body.values()
        )
        return
    ref = response_schema_ref(method, template, response.status_code)
    if ref is None:
        return
    body = response.json()
    errors = sorted(validator_for(ref).iter_errors(body), key=lambda e: list(e.path))
    assert not errors, f"{method} {template}: {errors[0].message} at {list(errors[0].path)}"
    _check_formats(validator_for(ref).schema, body)


_DATE_TIME_KEYS = re.compile(r"(Date|Datetime|datetime)$")


def _check_formats(_: Any, body: Any) -> None:
    """jsonschema skips ``date-time`` without rfc3339-validator: check ISO 8601 + offset
    (``Z`` as the real server writes it, or ``+00:00``)."""
    if isinstance(body, list):
        for item in body:
            _check_formats(_, item)
    elif isinstance(body, dict):
        for key, value in body.items():
            if isinstance(value, str) and key == "userBirthDate":
                date.fromisoformat(value)
            elif isinstance(value, str) and _DATE_TIME_KEYS.search(key):
                parsed = datetime.fromisoformat(value)
                assert parsed.tzinfo is not None, f"{key}={value} has no offset"
            else:
                _check_formats(_, value)
