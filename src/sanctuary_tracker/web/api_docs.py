"""The API's documentation as a page of the site (/api-docs/): every operation with its
parameters, what each answers, and the fields of every record, read from the API's own
OpenAPI description. Rendered on the server in the site's layout: no script and nothing
from another site, so it reads offline and under the site's content security policy."""

from __future__ import annotations

from functools import cache
from typing import Any

from django.shortcuts import render
from django.views.decorators.http import require_GET

from sanctuary_tracker.web.params import DATE_PATTERN, STATE_PATTERN, TEXT_PATTERN

STATUS_MEANINGS = {
    "200": "the answer",
    "400": "a request the site does not serve (its host)",
    "404": "no such record, or a page past the last",
    "422": "a parameter that is not valid: the message names it and says why",
    "500": "a failure of ours",
}
REF = "#/components/schemas/"
# The envelope and its parts come first; each operation's own answer wraps a record.
ENVELOPE = ("Envelope", "ErrorBody", "PageMeta")


def _name(ref: str) -> str:
    return ref.removeprefix(REF)


def _bounds(schema: dict) -> str:
    low, high = schema.get("minimum"), schema.get("maximum")
    if low is not None and high is not None:
        return f" from {low:,} to {high:,}"
    if low is not None:
        return f", {low:,} or more"
    return f", at most {high:,}" if high is not None else ""


# The patterns of the API's parameters, in words.
PATTERNS = {
    DATE_PATTERN: "date (YYYY-MM-DD, a real calendar day)",
    STATE_PATTERN: "two letters (a postal code)",
    TEXT_PATTERN: "text without control characters",
}


def _text_type(schema: dict) -> str:
    words = [PATTERNS.get(schema.get("pattern"), "text")]
    if "minLength" in schema:
        words.append(f"at least {schema['minLength']} characters")
    if "maxLength" in schema:
        words.append(f"at most {schema['maxLength']} characters")
    pattern = schema.get("pattern")
    if pattern and pattern not in PATTERNS:
        words.append(f"matching {pattern}" if len(pattern) <= 40 else "of a set form")
    return ", ".join(words)


def type_text(schema: dict) -> tuple[str, list[str]]:
    """What a JSON schema accepts, in words, and the record names it refers to."""
    if "$ref" in schema:
        return _name(schema["$ref"]), [_name(schema["$ref"])]
    if "anyOf" in schema:
        parts = [type_text(s) for s in schema["anyOf"] if s.get("type") != "null"]
        nullable = len(parts) < len(schema["anyOf"])
        text = " or ".join(p[0] for p in parts) + (" or null" if nullable else "")
        return text, [name for _, names in parts for name in names]
    if "enum" in schema:
        return "one of " + ", ".join(str(v) for v in schema["enum"]), []
    kind = schema.get("type")
    if kind == "array":
        inner, names = type_text(schema.get("items", {}))
        return f"list of {inner}", names
    if kind == "object" or "additionalProperties" in schema:
        values = schema.get("additionalProperties")
        if isinstance(values, dict) and values:
            inner, names = type_text(values)
            return f"map of {inner}", names
        return "object", []
    simple = {
        "integer": lambda: "whole number" + _bounds(schema),
        "number": lambda: "number" + _bounds(schema),
        "boolean": lambda: "true or false",
        "null": lambda: "null",
        "string": lambda: _text_type(schema),
    }
    return (simple[kind]() if kind in simple else "any JSON value"), []


def _field(name: str, schema: dict, required: bool) -> dict[str, Any]:
    text, names = type_text(schema)
    default = schema.get("default")
    return {
        "name": name,
        "type": text,
        "links": names,
        "required": required,
        "default": "" if default is None else str(default),
        "description": schema.get("description", ""),
    }


def record(name: str, schema: dict) -> dict[str, Any]:
    required = set(schema.get("required", ()))
    fields = [
        _field(field, sub, field in required) for field, sub in schema.get("properties", {}).items()
    ]
    return {
        "name": name,
        "description": schema.get("description", ""),
        "fields": fields,
        "more": bool(schema.get("additionalProperties")),
    }


def _responses(op: dict) -> dict[str, dict]:
    return {str(status): found for status, found in op.get("responses", {}).items()}


def _answer(operation: dict, schemas: dict) -> dict[str, Any]:
    ok = _responses(operation).get("200", {})
    media = ok.get("content", {})
    json_schema = media.get("application/json", {}).get("schema", {})
    if "$ref" not in json_schema:
        return {"text": "a file to download", "links": []}
    envelope = schemas[_name(json_schema["$ref"])]
    data = envelope.get("properties", {}).get("data", {})
    # The envelope's data is null only in an error; a 200 answer's is never null.
    shown = [s for s in data.get("anyOf", [data]) if s.get("type") != "null"]
    text, names = type_text(shown[0] if len(shown) == 1 else data)
    return {"text": text, "links": names}


def operation(path: str, method: str, op: dict, schemas: dict) -> dict[str, Any]:
    parameters = [
        {**_field(p["name"], p.get("schema", {}), p.get("required", False)), "where": p["in"]}
        for p in op.get("parameters", [])
    ]
    statuses = sorted(_responses(op))
    return {
        "id": op.get("operationId", f"{method}-{path}"),
        "method": method.upper(),
        "path": path,
        "summary": op.get("summary", ""),
        "description": op.get("description", ""),
        "parameters": parameters,
        "answer": _answer(op, schemas),
        "statuses": [(s, STATUS_MEANINGS.get(s, "")) for s in statuses],
    }


@cache
def described() -> dict[str, Any]:
    """The page's content, worked out once per process (the description is fixed)."""
    from sanctuary_tracker.web.api import api

    spec = api.get_openapi_schema()
    schemas = spec.get("components", {}).get("schemas", {})
    operations = [
        operation(path, method, op, schemas)
        for path, methods in spec["paths"].items()
        for method, op in methods.items()
    ]
    shown = [n for n in schemas if not n.endswith(("Answer", "Params")) and n not in ENVELOPE]
    return {
        "title": spec["info"]["title"],
        "version": spec["info"]["version"],
        "description": spec["info"].get("description", ""),
        "operations": operations,
        "envelope": [record(n, schemas[n]) for n in ENVELOPE if n in schemas],
        "records": [record(n, schemas[n]) for n in sorted(shown)],
    }


@require_GET
def api_docs(request):
    return render(request, "web/api_docs.html", described())
