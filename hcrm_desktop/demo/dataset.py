"""The demo data set as chunks of rows (table name -> row tuples), each a pure function of the seed.

Chunk `k` holds patients `k * CHUNK_PATIENTS` onwards with all their history. Before it the generator is
re-seeded from (seed, k), so a chunk does not depend on the chunks before it: any number of worker
processes can make chunks in any order and the database is the same. The booking calendar comes last;
it needs every patient, which it gets from a `Roster` the writer fills from the patient rows.
"""

from __future__ import annotations

import random
from array import array
from collections.abc import Iterator
from datetime import date

from hcrm_desktop.demo.history import History
from hcrm_desktop.demo.loader import COLUMNS
from hcrm_desktop.demo.people import People
from hcrm_desktop.demo.pools import Clock, IdSource, NamePool
from hcrm_desktop.demo.reference import Row, build_reference
from hcrm_desktop.demo.schedule import Schedule, meta_code
from hcrm_desktop.domain.national_id import checksum_char

Chunk = dict[str, list[Row]]
CHUNK_PATIENTS = 5000
IDS_PER_PATIENT = 16  # rows per patient, history included, with room to spare


def empty_chunk() -> Chunk:
    return {table: [] for table in COLUMNS}


class Roster:
    """Every patient's id plus age, sex and whether alive, packed small: what the booking pass needs."""

    def __init__(self, today: date) -> None:
        self.year = today.year
        self.ids: list[str] = []
        self.meta = array("h")

    def add(self, patient_rows: list[Row]) -> None:
        year = self.year
        for row in patient_rows:  # id, ..., sex (6), birth_date (7), ..., deceased_on (27): see loader.COLUMNS
            self.ids.append(str(row[0]))
            self.meta.append(meta_code(year - int(str(row[7])[:4]), row[6] == "M", row[27] is not None))


class DemoData:
    def __init__(self, *, patients: int, seed: int, today: date) -> None:
        self.patients, self.seed, self.today = patients, seed, today
        self.rng = rng = random.Random(seed)
        self.ids = IdSource(rng)
        self.ids.start_part(0, self.chunk_count + 2, 1000)  # the reference rows
        self.clock = Clock(today)
        self.names = NamePool(rng)
        self.ref = build_reference(rng, self.ids, self.clock, self.names)
        self.people = People(rng, self.ids, self.clock, self.names, self.ref, max(1, patients))
        self.history = History(rng, self.ids, self.clock, self.ref)

    @property
    def chunk_count(self) -> int:
        return -(-self.patients // CHUNK_PATIENTS)

    def reference(self) -> Chunk:
        """The reference rows (made with the pools, from the seed alone)."""
        chunk = empty_chunk()
        chunk.update(self.ref.rows)
        return chunk

    def chunk(self, k: int) -> Chunk:
        """Patients of chunk `k` with their phones, identifiers and history."""
        base = k * CHUNK_PATIENTS
        count = min(CHUNK_PATIENTS, self.patients - base)
        self._reseed(k, 1 + k, IDS_PER_PATIENT * count)
        self.people.start_chunk(base)
        out = empty_chunk()
        patients, phones, identifiers = out["patients"], out["patient_phones"], out["patient_identifiers"]
        people, history = self.people, self.history
        while len(patients) < count:
            for person in people.household(count - len(patients)):
                summary = history.person(person, out)
                patients.append(people.patient_row(person, summary))
                identifiers.extend(people.identifier_rows(person, summary))
                phones.extend(person.phones or ())
        return out

    def bookings(self, roster: Roster) -> Chunk:
        self._reseed("bookings", 1 + self.chunk_count, len(roster.ids) // 8 + 1000)
        out = empty_chunk()
        Schedule(self.rng, self.ids, self.clock, self.ref, self.history).build(roster.ids, roster.meta, out)
        return out

    def chunks(self) -> Iterator[tuple[str, int, Chunk]]:
        """(stage, patients done, rows), all made in this process."""
        yield "reference", 0, self.reference()
        roster = Roster(self.today)
        for k in range(self.chunk_count):
            chunk = self.chunk(k)
            roster.add(chunk["patients"])
            yield "patients", len(roster.ids), chunk
        yield "bookings", len(roster.ids), self.bookings(roster)

    def _reseed(self, name: int | str, part: int, expected_ids: int) -> None:
        """Make what follows depend on the seed and `name` only; ids from slice `part` (see IdSource)."""
        self.rng.seed(f"hcrm-demo:{self.seed}:{name}")
        self.ids.start_part(part, self.chunk_count + 2, expected_ids)


class UniqueNationalIds:
    """Two people never share a 身份证. Chunks are made independently, so a clash (same region, birth date
    and order code) can happen; in load order it takes the next free order code of the same sex."""

    column = 2 + COLUMNS["patients"].index("national_id")  # row: id, updated_at, then COLUMNS

    def __init__(self) -> None:
        self.seen: set[str] = set()  # the first 17 characters

    def fix(self, rows: list[Row]) -> None:
        col = self.column
        for i, row in enumerate(rows):
            value = row[col]
            if value is None:
                continue
            head = str(value)[:17]
            if head in self.seen:
                head = self._free(head)
                rows[i] = (*row[:col], head + checksum_char(head), *row[col + 1:])
            self.seen.add(head)

    def _free(self, head: str) -> str:
        parity = int(head[16]) % 2
        for order in range(100):
            for digit in range(parity, 10, 2):
                candidate = f"{head[:14]}{order:02d}{digit}"
                if candidate not in self.seen:
                    return candidate
        raise ValueError(f"no free national id for {head[:14]}")
