"""Fast building blocks of the demo generator: seeded ids, a clock of preformatted strings, weighted
picks and the name pool. Everything draws from one seeded `random.Random`, so a seed gives one database.

Hot loops call these millions of times; they trade a little memory (precomputed strings and tables) for
fewer function calls and no per-row formatting.
"""

from __future__ import annotations

import json
import random
from bisect import bisect
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from itertools import accumulate
from typing import Generic, TypeVar

from faker.providers.person.zh_CN import Provider as FakerNames

from hcrm_desktop.demo import catalog
from hcrm_desktop.domain.pinyin import COMPOUND_SURNAMES, name_pinyin

T = TypeVar("T")

DAY = 86_400
UTC_OFFSET = 8 * 3600  # the hospital's wall clock is UTC+8; bookkeeping stamps are naive UTC
HISTORY_DAYS = 3 * 365
REGISTRATION_DAYS = 10 * 365


class IdSource:
    """Random UUID4 strings from the seeded generator, drawn as an increasing sequence per part.

    Part `i` of `n` (the reference rows, each chunk of patients, the bookings) owns the `i`-th slice of
    the 122 random bits and walks up through it with random gaps. The ids are ordinary version-4 UUIDs,
    spread over the whole space, but each table receives them in ascending order, so SQLite appends
    to its primary-key index instead of inserting at random places (a quarter less writer CPU at 300k
    patients, more at a million).
    """

    BATCH = 4096
    FIXED = (4 << 76) | (2 << 62)  # version 4, RFC 4122 variant
    LOW62 = (1 << 62) - 1

    def __init__(self, rng: random.Random) -> None:
        self._bits = rng.getrandbits
        self._buffer: list[str] = []
        self._next = 0
        self._span = 1 << 100

    def start_part(self, part: int, parts: int, expected: int) -> None:
        """Draw from slice `part` of `parts`; about `expected` ids fill three quarters of it."""
        width = (1 << 122) // max(1, parts)
        self._span = max(1, 2 * width // max(1, expected * 4 // 3))  # gaps are uniform in 1..span
        self._next = part * width + self._bits(max(1, width.bit_length() - 5))  # not exactly at the edge
        self._buffer = []

    def __call__(self) -> str:
        try:
            return self._buffer.pop()
        except IndexError:
            self._refill()
            return self._buffer.pop()

    def _refill(self) -> None:
        bits, span = self._bits, self._span
        values = list(accumulate([1 + (bits(64) * span >> 64) for _ in range(self.BATCH)], initial=self._next))
        self._next = values[-1]
        fixed, low = self.FIXED, self.LOW62
        ids = []
        for v in reversed(values[1:]):  # popped from the end: smallest first
            # spread the 122 random bits around the version and variant bits
            h = "%032x" % ((v >> 74 << 80) | ((v >> 62) & 0xFFF) << 64 | (v & low) | fixed)
            ids.append(f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}")
        self._buffer = ids


class Clock:
    """Times as integer seconds since local midnight of `origin`; strings in SQLAlchemy's SQLite format.

    `now` is 08:00 of `today`: the demo opens at the start of a working day.
    """

    def __init__(self, today: date) -> None:
        self.today = today
        self.origin = today - timedelta(days=REGISTRATION_DAYS + 400)
        span = (today - self.origin).days + 400
        self.days = [(self.origin + timedelta(days=i)).isoformat() for i in range(span)]
        self.hms = [f" {s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}.000000" for s in range(DAY)]
        self.today_index = (today - self.origin).days
        self.now = self.today_index * DAY + 8 * 3600
        self.history_start = (self.today_index - HISTORY_DAYS) * DAY

    def ts(self, t: int) -> str:
        """Local wall-clock timestamp."""
        return self.days[t // DAY] + self.hms[t % DAY]

    def utc(self, t: int) -> str:
        """The same instant as a naive UTC timestamp (for `updated_at`, `created_at`)."""
        t -= UTC_OFFSET
        return self.days[t // DAY] + self.hms[t % DAY]

    def day(self, t: int) -> str:
        return self.days[t // DAY]

    def date_of(self, t: int) -> date:
        return self.origin + timedelta(days=t // DAY)

    def seconds(self, d: date) -> int:
        return (d - self.origin).days * DAY


class Weighted(Generic[T]):
    """Pick items by weight with one `random()` and a bisect: `pick()`."""

    __slots__ = ("items", "cum", "total", "_random")

    def __init__(self, rng: random.Random, pairs: Sequence[tuple[T, float]]) -> None:
        self.items = [item for item, _ in pairs]
        self.cum: list[float] = []
        total = 0.0
        for _, weight in pairs:
            total += weight
            self.cum.append(total)
        if not self.items or total <= 0:
            raise ValueError("nothing to pick from")
        self.total = total
        self.cum[-1] = float("inf")  # a draw rounding up to `total` still picks the last item
        self._random = rng.random

    def pick(self) -> T:
        return self.items[bisect(self.cum, self._random() * self.total)]


def sample_table(draw: Callable[[], float], size: int = 4096) -> list[int]:
    """`size` precomputed integer draws of a distribution, indexed by random bits in hot loops."""
    return [int(draw()) for _ in range(size)]


def json_list(items: Sequence[str]) -> str:
    """Exactly what SQLAlchemy's JSON type stores for a list (json.dumps defaults)."""
    return json.dumps(list(items))


class NamePool:
    """Chinese names composed from Faker's zh_CN surnames and given-name characters, with pinyin.

    Pinyin is computed once per surname and once per given name through the domain module and joined,
    which is what `name_pinyin` does for a whole name (surname reading + given-name reading).
    """

    def __init__(self, rng: random.Random) -> None:
        self._random = rng.random
        weights = dict(FakerNames.last_names) | catalog.EXTRA_SURNAMES
        for rare in catalog.RARE_SURNAMES:
            weights[rare] = weights[rare] * catalog.RARE_SURNAME_BOOST
        self.surnames = Weighted(rng, sorted(weights.items()))
        self.male_chars = _chars(FakerNames.first_names_male, catalog.MALE_CHARS)
        self.female_chars = _chars(FakerNames.first_names_female, catalog.FEMALE_CHARS)
        self._surname_py = {s: name_pinyin(s) for s in weights}
        self._given_py: dict[str, tuple[str, str]] = {}

    def given(self, male: bool) -> str:
        chars = self.male_chars if male else self.female_chars
        r = self._random
        n = len(chars)
        first = chars[int(r() * n)]
        return first if r() < 0.25 else first + chars[int(r() * n)]

    def name(self, male: bool, surname: str | None = None) -> tuple[str, str, str]:
        """(name, full pinyin, initials); `surname` keeps a family's surname."""
        s = surname or self.surnames.pick()
        g = self.given(male)
        if s + g[0] in COMPOUND_SURNAMES:  # e.g. 单+于...: the name reads as a compound surname
            full, initials = name_pinyin(s + g)
            return s + g, full, initials
        gp = self._given_py.get(g)
        if gp is None:
            full, initials = name_pinyin("王" + g)  # 王 reads wang in every role; strip it
            gp = self._given_py[g] = (full[4:], initials[1:])
        sp = self._surname_py[s]
        return s + g, sp[0] + gp[0], sp[1] + gp[1]


def _chars(names: Sequence[str], extra: str) -> list[str]:
    return sorted(set("".join(names)) | set(extra))
