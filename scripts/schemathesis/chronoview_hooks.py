"""Schemathesis hooks for `./build.sh test`'s run against openapi.yaml (scripts/lib/schemathesis.sh).

A few of API.md's rules are beyond what JSON Schema can say, and openapi.yaml states them in
words or in `x-` keywords instead. Schemathesis would take a request that breaks one of them for
schema-valid and report the server's 422 as a finding (positive_data_acceptance). Each filter
below drops such a positive case, and nothing else: negative cases go through untouched, so the
server is still checked to refuse every request that breaks the schema.
"""

from __future__ import annotations

import json
from datetime import datetime

import schemathesis
from schemathesis import GenerationMode

# Password and NewUser.password, PasswordChange.new_password: x-min-utf8-bytes and
# x-max-utf8-bytes. JSON Schema counts characters, bcrypt counts bytes.
PASSWORD_BYTES = (8, 72)
# ChartLayout: x-max-compact-json-bytes.
LAYOUT_BYTES = 65536


def _is_positive(case: schemathesis.Case) -> bool:
    return case.meta is not None and case.meta.generation.mode == GenerationMode.POSITIVE


def _password_fits(value: object) -> bool:
    if not isinstance(value, str):
        return True
    low, high = PASSWORD_BYTES
    return low <= len(value.encode("utf-8", "surrogatepass")) <= high


def _symbols_distinct(value: object) -> bool:
    # WatchlistSymbols: symbols are compared after upper-casing (`aapl` repeats `AAPL`), which
    # `uniqueItems` cannot say.
    if not isinstance(value, list) or not all(isinstance(symbol, str) for symbol in value):
        return True
    return len({symbol.upper() for symbol in value}) == len(value)


def _layout_fits(value: object) -> bool:
    try:
        text = json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    except (TypeError, ValueError):
        return True
    return len(text.encode("utf-8", "surrogatepass")) <= LAYOUT_BYTES


def _time(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None


def _range_is_ordered(query: dict) -> bool:
    # GET /api/candles: `to` must be after `from`, a rule between two parameters.
    start, end = _time(query.get("from")), _time(query.get("to"))
    if start is None or end is None:
        return True
    try:
        return end > start
    except TypeError:
        return True


def _keeps_the_rules(case: schemathesis.Case) -> bool:
    """Whether a positive case keeps API.md's rules that its schemas cannot state."""
    if not _is_positive(case):
        return True
    route = f"{case.method.upper()} {case.operation.path}"
    body = case.body if isinstance(case.body, dict) else {}
    query = case.query if isinstance(case.query, dict) else {}

    if route == "POST /api/users" and not _password_fits(body.get("password")):
        return False
    if route == "PUT /api/me/password" and not _password_fits(body.get("new_password")):
        return False
    if route in ("POST /api/watchlists", "PATCH /api/watchlists/{id}") and not _symbols_distinct(body.get("symbols")):
        return False
    if route in ("POST /api/charts", "PATCH /api/charts/{id}") and "layout" in body and not _layout_fits(body["layout"]):
        return False
    # Cursor: only a `next_cursor` the API returned is a cursor (it carries a checksum); any
    # other string of the documented form gets its 422.
    if route in ("GET /api/charts", "GET /api/watchlists", "GET /api/alerts") and "cursor" in query:
        return False
    if route == "GET /api/candles" and not _range_is_ordered(query):
        return False
    return True


@schemathesis.hook
def filter_case(context: schemathesis.HookContext, case: schemathesis.Case) -> bool:
    return _keeps_the_rules(case)


@schemathesis.hook
def before_add_examples(context: schemathesis.HookContext, examples: list[schemathesis.Case]) -> None:
    # The examples phase applies no filter: the cases it is about to send are pruned here.
    examples[:] = [case for case in examples if _keeps_the_rules(case)]
