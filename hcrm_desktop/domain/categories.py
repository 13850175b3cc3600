"""The wrap-up category tree and disposition codes, from `resources/recording/categories.json`.

Each interaction type has a tree of categories (stable `code`, Chinese and English name, optional
`children`); each disposition lists the types it applies to (none listed: all). The loader checks the
whole file and names the first problem by its place, e.g. ``types[1].categories[3]: duplicate code
'complaint.charges'``. Stored rows hold the codes; `label()` gives the name in a language and passes
unknown text through unchanged (older rows hold plain names such as 已解答).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from hcrm_desktop import paths
from hcrm_desktop.domain.enums import InteractionType

CODE_MAX = 64
DISPOSITION_MAX = 32


class CategoryConfigError(ValueError):
    """The category file cannot be used; the message names the file and the place of the problem."""


@dataclass(frozen=True)
class Category:
    code: str
    zh: str
    en: str
    children: tuple[Category, ...] = ()

    def name(self, language: str) -> str:
        return self.en if language == "en" else self.zh

    def walk(self) -> Iterator[Category]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class InteractionKind:
    """One interaction type with its category tree (top level first)."""

    code: str
    zh: str
    en: str
    categories: tuple[Category, ...] = ()

    def name(self, language: str) -> str:
        return self.en if language == "en" else self.zh

    def all_categories(self) -> Iterator[Category]:
        for category in self.categories:
            yield from category.walk()


@dataclass(frozen=True)
class Disposition:
    code: str
    zh: str
    en: str
    types: frozenset[str] = frozenset()  # empty: applies to every type

    def name(self, language: str) -> str:
        return self.en if language == "en" else self.zh

    def applies_to(self, type_code: str) -> bool:
        return not self.types or type_code in self.types


@dataclass(frozen=True)
class CategoryTree:
    kinds: tuple[InteractionKind, ...]
    dispositions: tuple[Disposition, ...]
    _by_code: dict[str, Category | InteractionKind | Disposition] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for kind in self.kinds:
            self._by_code[kind.code] = kind
            for category in kind.all_categories():
                self._by_code[category.code] = category
        for disposition in self.dispositions:
            self._by_code.setdefault(f"disposition:{disposition.code}", disposition)

    def kind(self, type_code: str) -> InteractionKind | None:
        return next((k for k in self.kinds if k.code == type_code), None)

    def categories_for(self, type_code: str) -> tuple[Category, ...]:
        kind = self.kind(type_code)
        return kind.categories if kind else ()

    def has_category(self, type_code: str, code: str) -> bool:
        kind = self.kind(type_code)
        return kind is not None and any(c.code == code for c in kind.all_categories())

    def dispositions_for(self, type_code: str) -> tuple[Disposition, ...]:
        return tuple(d for d in self.dispositions if d.applies_to(type_code))

    def has_disposition(self, type_code: str, code: str) -> bool:
        return any(d.code == code for d in self.dispositions_for(type_code))

    def label(self, code: str | None, language: str = "zh_CN") -> str:
        """Name of a category or type code in `language`; unknown text as it is."""
        if not code:
            return ""
        found = self._by_code.get(code)
        return found.name(language) if found is not None else code

    def disposition_label(self, code: str | None, language: str = "zh_CN") -> str:
        if not code:
            return ""
        found = self._by_code.get(f"disposition:{code}")
        return found.name(language) if found is not None else code


# --- loading ----------------------------------------------------------------------------------------


def _text(item: dict[str, Any], key: str, where: str, limit: int = 64) -> str:
    value = item.get(key)
    if not isinstance(value, str) or not value.strip():
        raise CategoryConfigError(f"{where}: '{key}' must be a non-empty string")
    if len(value) > limit:
        raise CategoryConfigError(f"{where}: '{key}' is longer than {limit} characters")
    return value.strip()


def _object(item: object, where: str) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise CategoryConfigError(f"{where}: must be an object")
    return item


def _list(item: dict[str, Any], key: str, where: str, *, required: bool = True) -> list[Any]:
    value = item.get(key, None if required else [])
    if not isinstance(value, list):
        raise CategoryConfigError(f"{where}: '{key}' must be a list")
    return value


def _category(raw: object, where: str, seen: set[str]) -> Category:
    item = _object(raw, where)
    code = _text(item, "code", where, CODE_MAX)
    if code in seen:
        raise CategoryConfigError(f"{where}: duplicate code {code!r}")
    seen.add(code)
    children = tuple(_category(child, f"{where}.children[{n}]", seen)
                     for n, child in enumerate(_list(item, "children", where, required=False)))
    return Category(code, _text(item, "zh", where), _text(item, "en", where), children)


def _kind(raw: object, where: str, seen: set[str]) -> InteractionKind:
    item = _object(raw, where)
    code = _text(item, "code", where)
    if code not in tuple(InteractionType):
        raise CategoryConfigError(f"{where}: unknown interaction type {code!r}")
    if code in seen:
        raise CategoryConfigError(f"{where}: duplicate code {code!r}")
    seen.add(code)
    categories = tuple(_category(c, f"{where}.categories[{n}]", seen)
                       for n, c in enumerate(_list(item, "categories", where)))
    return InteractionKind(code, _text(item, "zh", where), _text(item, "en", where), categories)


def _disposition(raw: object, where: str, seen: set[str], type_codes: set[str]) -> Disposition:
    item = _object(raw, where)
    code = _text(item, "code", where, DISPOSITION_MAX)
    if code in seen:
        raise CategoryConfigError(f"{where}: duplicate disposition {code!r}")
    seen.add(code)
    types = _list(item, "types", where, required=False)
    unknown = [t for t in types if t not in type_codes]
    if unknown:
        raise CategoryConfigError(f"{where}: 'types' names unknown types {unknown!r}")
    return Disposition(code, _text(item, "zh", where), _text(item, "en", where), frozenset(types))


def parse_categories(data: object) -> CategoryTree:
    """Check the decoded file and build the tree; raise `CategoryConfigError` naming the problem."""
    root = _object(data, "file")
    seen: set[str] = set()
    kinds = tuple(_kind(k, f"types[{n}]", seen) for n, k in enumerate(_list(root, "types", "file")))
    if not kinds:
        raise CategoryConfigError("file: 'types' is empty")
    type_codes = {k.code for k in kinds}
    seen_dispositions: set[str] = set()
    dispositions = tuple(_disposition(d, f"dispositions[{n}]", seen_dispositions, type_codes)
                         for n, d in enumerate(_list(root, "dispositions", "file")))
    for kind in kinds:
        if not any(d.applies_to(kind.code) for d in dispositions):
            raise CategoryConfigError(f"dispositions: none applies to type {kind.code!r}")
    return CategoryTree(kinds, dispositions)


def load_categories(path: Path | None = None) -> CategoryTree:
    """Read and check a category file (default: the shipped one)."""
    path = path or paths.resource("recording", "categories.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CategoryConfigError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    except json.JSONDecodeError as exc:
        raise CategoryConfigError(f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from exc
    try:
        return parse_categories(data)
    except CategoryConfigError as exc:
        raise CategoryConfigError(f"{path}: {exc}") from None


@lru_cache(maxsize=1)
def default_categories() -> CategoryTree:
    """The shipped tree, read once per process."""
    return load_categories()
