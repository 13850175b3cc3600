"""Bootstrap pages in bulk: PostgreSQL's COPY text format behind a one-line JSON header.

    {"protocol":1,"since":0,"next":5000,"more":true,"tables":{"patients":["id","version",...],...}}\\n
    <COPY text rows of the first table>\\.\\n
    <COPY text rows of the next table>\\.\\n ...

PostgreSQL makes this several times faster than JSON, and it reads fast in Python (`str.split`). Cells
arrive as text in the workstation's storage form (times as `YYYY-MM-DD HH:MM:SS.ffffff`, booleans 0/1);
SQLite's column affinity stores numbers as numbers. Only bootstraps use it; incremental pulls stay JSON.

Parsing is kept in C as far as possible: a row without escapes is just `line.split("\\t")`, its NULLs left as
the marker `\\N`, which the local insert turns into NULL (`NULLIF(?, '\\N')`, in SQLite). The rare row with an
escape is unescaped cell by cell (NULL as None) and goes to `PullPage.exact`, written without that rule (so
a text that reads `\\N` stays text).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import repeat
from operator import itemgetter
from typing import Any

from hcrm_desktop.sync.errors import BadReply
from hcrm_desktop.sync.protocol import PullPage, loads
from hcrm_desktop.sync.tables import PROTOCOL, table_specs

END = b"\\.\n"
NULL = "\\N"
_ESCAPES = {"\\": "\\", "n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f", "v": "\v"}
_ESCAPE = re.compile(r"\\(.)")
# a backslash that is not a NULL marker (`\N` alone in its cell): found without copying the block
_ESCAPED = re.compile(r"\\(?!N(?:\t|\n|$))")


def _unescape(text: str) -> str:
    return _ESCAPE.sub(lambda m: _ESCAPES.get(m.group(1), m.group(1)), text)


def frame(header: dict[str, Any], copy_table: Callable[[str], Iterable[bytes]]) -> bytes:
    """The page body: the header line, then each table's COPY output and an end marker."""
    from hcrm_desktop.sync.protocol import dumps

    parts = [dumps(header), b"\n"]
    for name in header.get("tables", {}):
        parts.extend(copy_table(name))
        parts.append(END)
    return b"".join(parts)


def bulk_header(since: int, limit: int, until: int | None, actor: str | None = None) -> tuple[str, tuple[Any, ...]]:
    """The query (and its parameters) heading a bulk page: by rows per table after `since`, or by the version
    range (since, until]."""
    if until is None:
        return "SELECT hcrm_page(%s, %s, %s)", (since, limit, actor)
    return "SELECT hcrm_range(%s, %s, %s)", (since, until, actor)


def copy_statement(table: str) -> str:
    if table not in table_specs():
        raise ValueError(table)
    return f"COPY (SELECT * FROM hcrm_rows_{table}(%s, %s, %s)) TO STDOUT"


def parse_bulk(data: bytes, since: int) -> PullPage:
    head, sep, rest = data.partition(b"\n")
    if not sep:
        raise BadReply("bulk page: no header")
    try:
        header = loads(head)
    except ValueError:
        raise BadReply("bulk page: header is not JSON") from None
    if not isinstance(header, dict) or header.get("protocol") != PROTOCOL or header.get("since") != since:
        raise BadReply("bulk page: header")
    nxt, more, tables = header.get("next"), header.get("more"), header.get("tables")
    if not (isinstance(nxt, int) and nxt >= since and isinstance(more, bool) and isinstance(tables, dict)):
        raise BadReply("bulk page: header fields")
    try:
        text = rest.decode("utf-8")
    except UnicodeDecodeError:
        raise BadReply("bulk page: not UTF-8") from None
    blocks = text.split("\\.\n")
    if len(blocks) != len(tables) + 1 or blocks[-1] != "":
        raise BadReply("bulk page: truncated")
    specs = table_specs()
    page: dict[str, tuple[tuple[str, ...], list[list[Any]]]] = {}
    exact: dict[str, list[list[Any]]] = {}
    for (name, columns), block in zip(tables.items(), blocks, strict=False):
        if name not in specs or not isinstance(columns, list) or columns[:2] != ["id", "version"] \
                or not set(columns) <= set(specs[name].columns) or len(set(columns)) != len(columns):
            raise BadReply(f"bulk page: table {name!r}")
        rows, escaped = _rows(name, block, len(columns), since, nxt)
        page[name] = (tuple(columns), rows)
        if escaped:
            exact[name] = escaped
    return PullPage(since, nxt, more, page, prepared=True, exact=exact)


def _rows(name: str, block: str, width: int, since: int, nxt: int) -> tuple[list[list[Any]], list[list[Any]]]:
    """(rows as split, NULL left as the marker; rows that had escapes, unescaped with NULL as None)."""
    lines = block.split("\n")[:-1] if block else []
    if _ESCAPED.search(block):  # a backslash that is not the start of a NULL marker (rare)
        plain = [line for line in lines if not _ESCAPED.search(line)]
        escaped = [[None if f == NULL else _unescape(f) for f in line.split("\t")]
                   for line in lines if _ESCAPED.search(line)]
    else:
        plain, escaped = lines, []
    # tuples, not lists: the garbage collector stops tracking a tuple of strings, so millions of rows held in a
    # batch do not make every full collection walk them
    rows: list[Any] = list(map(tuple, map(str.split, plain, repeat("\t"))))
    for group in (rows, escaped):
        if group:
            _check(name, group, width, since, nxt)
    return rows, escaped


def _check(name: str, rows: list[list[Any]], width: int, since: int, nxt: int) -> None:
    """Shape, versions in the page's range and ids, column by column (in C)."""
    if set(map(len, rows)) != {width}:
        raise BadReply(f"bulk page: {name}: malformed row")
    try:
        versions = list(map(int, map(itemgetter(1), rows)))
    except (TypeError, ValueError):
        raise BadReply(f"bulk page: {name}: bad version") from None
    if min(versions) <= since or max(versions) > nxt:
        raise BadReply(f"bulk page: {name}: version out of range")
    ids = set(map(len, map(itemgetter(0), rows)))
    if min(ids) == 0 or max(ids) > 36 or None in map(itemgetter(0), rows):
        raise BadReply(f"bulk page: {name}: bad id")
