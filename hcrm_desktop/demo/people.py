"""Demo patients in households: names, national ids, addresses, phones (own and family), identifiers.

Households make the phone matching realistic: a couple who list each other's mobiles, parents who share
their grown-up child's number, a child reachable only through a parent, an elderly parent whose calls
come from a daughter's phone, and a home landline two people share.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, timedelta

from hcrm_desktop.demo import catalog
from hcrm_desktop.demo.pools import DAY, REGISTRATION_DAYS, Clock, IdSource, NamePool, Weighted
from hcrm_desktop.demo.reference import Reference, Row
from hcrm_desktop.domain.enums import Sex
from hcrm_desktop.domain.national_id import make_national_id

Region = tuple[str, str, str, str, str]  # code, province, city, district, landline area code
Mobile = tuple[str, str]  # as entered, E.164
CHILD, YOUNG, MIDDLE, OLD = 0, 1, 2, 3
YEAR = 365.25
ADULT_BANDS = (
    ((18, 25), 6), ((25, 30), 9), ((30, 35), 11), ((35, 40), 10), ((40, 45), 8), ((45, 50), 8),
    ((50, 55), 9), ((55, 60), 9), ((60, 65), 9), ((65, 70), 8), ((70, 75), 6), ((75, 80), 4),
    ((80, 85), 2.5), ((85, 95), 1),
)  # fmt: skip
HOUSEHOLDS = (("single", 44), ("couple", 24), ("parent_child", 12), ("couple_child", 8), ("elder_child", 12))
EDUCATION = (
    (("primary", 45), ("secondary", 40), ("college", 8), ("bachelor", 6), ("postgraduate", 1)),  # 60+
    (("primary", 15), ("secondary", 45), ("college", 20), ("bachelor", 17), ("postgraduate", 3)),
    (("primary", 3), ("secondary", 25), ("college", 27), ("bachelor", 37), ("postgraduate", 8)),
)
INCOME = {
    "primary": (("low", 60), ("middle", 35), ("upper_middle", 5)),
    "secondary": (("low", 35), ("middle", 50), ("upper_middle", 12), ("high", 3)),
    "college": (("low", 15), ("middle", 50), ("upper_middle", 28), ("high", 7)),
    "bachelor": (("low", 8), ("middle", 40), ("upper_middle", 37), ("high", 15)),
    "postgraduate": (("low", 3), ("middle", 25), ("upper_middle", 42), ("high", 30)),
}
VIP_STEPS = ((1_200_000, 5), (800_000, 4), (450_000, 3), (250_000, 2), (120_000, 1))  # checkup spend, fen
ID_SCRAMBLE = {"HIS": (7_654_321, 10**9, "1{:09d}"), "PEIS": (31_415_927, 10**8, "TJ{:08d}"),
               "LIS": (2_718_281, 10**9, "L{:09d}"), "EMR": (1_618_033, 10**8, "BA{:08d}")}  # fmt: skip


@dataclass(slots=True)
class Person:
    """What the history generator needs to know about a patient, plus their phone rows."""

    index: int
    id: str
    name: str
    pinyin: str
    initials: str
    male: bool
    birth: date
    age: int
    group: int
    region: Region
    address: str
    created_t: int
    mobile: Mobile | None = None  # their own first mobile
    contact: str | None = None  # the number to reach them (their primary phone row), as entered
    national_id: str | None = None
    org: int = -1
    deceased_t: int = 0
    referred_by: str | None = None
    activity: float = 1.0
    phones: list[Row] | None = None


@dataclass(slots=True)
class Summary:
    """What the history of a person adds up to, for their patient row."""

    encounters: int = 0
    inpatient: bool = False
    checkups: int = 0
    checkup_spend: int = 0
    points: int = 0
    last_t: int = 0
    tags: tuple[str, ...] = ()


class People:
    def __init__(
        self, rng: random.Random, ids: IdSource, clock: Clock, names: NamePool, ref: Reference, total: int
    ) -> None:
        self.rng, self.ids, self.clock, self.names, self.ref, self.total = rng, ids, clock, names, ref, total
        self.random = rng.random
        groups = (catalog.HOME_DISTRICTS, catalog.PROVINCE_DISTRICTS, catalog.OTHER_DISTRICTS)
        self.region_groups = Weighted(rng, [(Weighted(rng, [(d[:5], d[5]) for d in g]), w)
                                            for g, w in zip(groups, catalog.REGION_GROUP_WEIGHTS, strict=True)])
        self.adult_bands = Weighted(rng, ADULT_BANDS)
        self.households = Weighted(rng, HOUSEHOLDS)
        self.prefixes = Weighted(rng, catalog.MOBILE_PREFIXES)
        self.occupations = Weighted(rng, catalog.OCCUPATIONS_ADULT)
        self.education = [Weighted(rng, e) for e in EDUCATION]
        self.income = {k: Weighted(rng, v) for k, v in INCOME.items()}
        self.relations = Weighted(rng, (("spouse", 45), ("child", 35), ("parent", 15), ("other", 5)))
        self.orgs = Weighted(rng, [(i, 1.0 / (1 + i % 17)) for i in range(len(ref.orgs))])
        self.activity = [0.12 if i < 820 else rng.lognormvariate(0, 0.55) for i in range(4096)]
        self.base = 0
        self.ids_so_far: list[str] = []  # of this chunk: referrers are earlier patients of the chunk
        self.referred: list[str] = []
        self.notes = catalog.NOTES
        self.tags_json: dict[tuple[str, ...], str] = {}
        self.customer_types = Weighted(rng, (("value", 30), ("benefit", 35), ("volatile", 35)))

    def start_chunk(self, base: int) -> None:
        """Patients from global number `base` on; nothing carries over from the previous chunk."""
        self.base = base
        self.ids_so_far = []
        self.referred = []

    # --- households ---------------------------------------------------------------------------------

    def household(self, limit: int) -> list[Person]:
        """The next household, cut to at most `limit` people."""
        kind = self.households.pick()
        region = self.region_groups.pick().pick()
        address = self._address(region)
        before = len(self.ids_so_far)
        people: list[Person] = getattr(self, "_" + kind)(region, address)
        if len(people) > limit:  # the very last household: forget the people cut off
            dropped = {p.id for p in people[limit:]}
            del self.ids_so_far[before + limit :]
            self.referred = [x for x in self.referred if x not in dropped]
            people = people[:limit]
        return people

    def _single(self, region: Region, address: str) -> list[Person]:
        person = self._adult(self.random() < 0.46, self._adult_age(), region, address)
        if self.random() < 0.1 or person.mobile is None:  # no mobile of their own: a child's
            relation = self.relations.pick() if person.mobile else "child"
            surname = person.name[0] if relation == "child" and person.male else None
            contact = self.names.name(self.random() < 0.5, surname)[0]
            self._family_phone(person, *self._mobile(), relation, contact)
        self._landline([person], region)
        return [person]

    def _couple(self, region: Region, address: str) -> list[Person]:
        man_age = self._adult_age(min_years=22)
        wife_age = max(20 * 365, man_age + int((self.random() - 0.7) * 6 * 365))
        man = self._adult(True, man_age, region, address)
        wife = self._adult(False, wife_age, region, address)
        self._link_couple(man, wife)
        self._landline([man, wife], region)
        for person, spouse in ((man, wife), (wife, man)):
            if not person.phones:  # no mobile of their own (some over 80): reached through the family
                number, e164 = spouse.mobile or self._mobile()
                self._family_phone(person, number, e164, "spouse" if spouse.mobile else "child",
                                   spouse.name if spouse.mobile else self.names.name(self.random() < 0.5)[0])
        return [man, wife]

    def _link_couple(self, man: Person, wife: Person) -> None:
        for a, b in ((man, wife), (wife, man)):
            if b.mobile and self.random() < 0.25:
                self._family_phone(a, *b.mobile, "spouse", b.name)
        if self.random() < 0.12:  # a grown-up child's number both parents gave
            child = self.names.name(self.random() < 0.5, man.name[0])[0]
            number, e164 = self._mobile()
            self._family_phone(man, number, e164, "child", child)
            self._family_phone(wife, number, e164, "child", child)

    def _parent_child(self, region: Region, address: str) -> list[Person]:
        parent = self._adult(self.random() < 0.35, int((25 + self.random() * 23) * YEAR), region, address)
        surname = parent.name[0] if parent.male or self.random() < 0.2 else None
        child = self._child(surname, region, address)
        if parent.mobile:
            self._family_phone(child, *parent.mobile, "parent", parent.name)
        return [parent, child]

    def _couple_child(self, region: Region, address: str) -> list[Person]:
        man_age = int((27 + self.random() * 20) * YEAR)
        man = self._adult(True, man_age, region, address)
        wife = self._adult(False, max(int(23 * YEAR), man_age - int(self.random() * 4 * YEAR)), region, address)
        self._link_couple(man, wife)
        child = self._child(man.name[0], region, address)
        for parent in (wife, man):
            if parent.mobile:
                self._family_phone(child, *parent.mobile, "parent", parent.name)
        return [man, wife, child]

    def _elder_child(self, region: Region, address: str) -> list[Person]:
        elder = self._adult(self.random() < 0.45, int((68 + self.random() * 24) * YEAR), region, address)
        surname = elder.name[0] if elder.male or self.random() < 0.3 else None
        child_age = max(int(30 * YEAR), elder.age * 365 - int((24 + self.random() * 8) * YEAR))
        child = self._adult(self.random() < 0.5, child_age, region, address, surname=surname)
        if child.mobile:
            self._family_phone(elder, *child.mobile, "child", child.name)
        if elder.mobile and self.random() < 0.25:
            self._family_phone(child, *elder.mobile, "parent", elder.name)
        return [elder, child]

    # --- people -------------------------------------------------------------------------------------

    def _adult_age(self, min_years: int = 18) -> int:
        lo, hi = self.adult_bands.pick()
        lo = max(lo, min_years)
        return int((lo + self.random() * (max(hi, lo + 1) - lo)) * YEAR)

    def _adult(
        self, male: bool, age_days: int, region: Region, address: str, surname: str | None = None
    ) -> Person:
        person = self._person(male, age_days, region, address, surname)
        r = self.random
        if person.age < 80 or r() < 0.6:
            person.mobile = self._mobile()
            self._own_phone(person, *person.mobile)
            if r() < 0.2:
                self._own_phone(person, *self._mobile())
        if 22 <= person.age <= 58 and r() < 0.09:
            person.org = self.orgs.pick()
        if person.age >= 75 and r() < 0.03:
            c = self.clock
            died = c.history_start + int(r() * (c.now - c.history_start - 3 * DAY))
            person.deceased_t = died if died > person.created_t + 30 * DAY else 0
        if r() < 0.05 and self.ids_so_far:
            pool = self.referred if self.referred and r() < 0.35 else self.ids_so_far
            person.referred_by = pool[int(r() * len(pool))]
            self.referred.append(person.id)
        return person

    def _child(self, surname: str | None, region: Region, address: str) -> Person:
        return self._person(self.random() < 0.52, int(self.random() * 14 * YEAR), region, address, surname)

    def _person(self, male: bool, age_days: int, region: Region, address: str, surname: str | None) -> Person:
        r = self.random
        clock = self.clock
        birth = clock.today - timedelta(days=age_days + 1)
        age = int(age_days / YEAR)
        index = self.base + len(self.ids_so_far)
        name, py, initials = self.names.name(male, surname)
        created = clock.now - REGISTRATION_DAYS * DAY + int((index + r()) / self.total * REGISTRATION_DAYS * DAY)
        born = clock.seconds(birth) + DAY
        if created < born:
            created = born + int(r() * (clock.now - born))
        created = min(created - created % DAY + 28_800 + int(r() * 32_400), clock.now - 3600)
        group = CHILD if age < 14 else YOUNG if age < 35 else MIDDLE if age < 60 else OLD
        person = Person(index, self.ids(), name, py, initials, male, birth, age, group, region, address,
                        created, activity=self.activity[int(r() * 4096)], phones=[])
        if r() >= (0.25 if group == CHILD else 0.06):
            person.national_id = make_national_id(region[0], birth, int(r() * 100), Sex.MALE if male else Sex.FEMALE)
        self.ids_so_far.append(person.id)
        return person

    # --- phones -------------------------------------------------------------------------------------

    def _mobile(self) -> Mobile:
        digits = f"{self.prefixes.pick()}{int(self.random() * 100_000_000):08d}"
        r = self.random()
        if r < 0.85:
            return digits, "+86" + digits
        sep = "-" if r < 0.95 else " "
        return f"{digits[:3]}{sep}{digits[3:7]}{sep}{digits[7:]}", "+86" + digits

    def _landline(self, people: list[Person], region: Region) -> None:
        if self.random() >= 0.05 or region[1] != catalog.HOME_PROVINCE and self.random() < 0.7:
            return
        area = region[4]
        local = f"{'88852'[int(self.random() * 5)]}{int(self.random() * 10_000_000):07d}"
        for person in people:
            self._phone_row(person, f"{area}-{local}", f"+86{area[1:]}{local}", "self", None)

    def _own_phone(self, person: Person, number: str, e164: str) -> None:
        self._phone_row(person, number, e164, "self", None)

    def _family_phone(self, person: Person, number: str, e164: str, relation: str, contact: str) -> None:
        self._phone_row(person, number, e164, relation, contact)

    def _phone_row(self, person: Person, number: str, e164: str, relation: str, contact: str | None) -> None:
        phones = person.phones
        assert phones is not None
        stamp = self.clock.utc(person.created_t)
        if not phones:
            person.contact = number
        phones.append((self.ids(), stamp, person.id, number, e164, None, relation, contact,
                       0 if phones else 1))

    def _address(self, region: Region) -> str:
        r = self.random
        streets = catalog.HOME_STREETS.get(region[3]) if region[2] == catalog.HOME_CITY else None
        streets = streets or catalog.COMMON_STREETS
        street = f"{streets[int(r() * len(streets))]}{1 + int(r() * 400)}号"
        if r() < 0.7:
            community = catalog.COMMUNITIES[int(r() * len(catalog.COMMUNITIES))]
            return f"{street}{community}{1 + int(r() * 30)}幢{1 + int(r() * 4)}单元{1 + int(r() * 24)}0{1 + int(r() * 4)}室"
        return street

    # --- the finished patient row -------------------------------------------------------------------

    def patient_row(self, p: Person, s: Summary) -> Row:
        r = self.random
        education, occupation = self._schooling(p)
        income = self.income[education].pick() if education and p.age >= 18 else None
        vip = next((level for spend, level in VIP_STEPS if s.checkup_spend >= spend), 0)
        tags = s.tags + (("VIP",) if vip >= 3 else ()) + (("集团客户",) if p.org >= 0 else ())
        updated = self.clock.utc(max(p.created_t, s.last_t))
        return (
            p.id, updated, f"C{p.index + 1:08d}", p.name, p.pinyin, p.initials,
            "M" if p.male else "F", p.birth.isoformat(), p.national_id, occupation, education, income,
            p.region[1], p.region[2], p.region[3], p.address, vip, s.points, self._customer_type(p, s, vip),
            int(r() > 0.05), int(r() > 0.1), int(r() > 0.03), int(r() > 0.02), p.referred_by,
            self.ref.orgs[p.org].id if p.org >= 0 else None, self._tags_json(tags),
            self.notes[int(r() * len(self.notes))] if r() < 0.03 else None,
            self.clock.day(p.deceased_t) if p.deceased_t else None, None, self.clock.utc(p.created_t),
        )

    def _tags_json(self, tags: tuple[str, ...]) -> str:
        text = self.tags_json.get(tags)
        if text is None:
            text = self.tags_json[tags] = json.dumps(list(tags))
        return text

    def _schooling(self, p: Person) -> tuple[str | None, str | None]:
        if p.age < 6:
            return None, None
        if p.age < 18:
            return ("primary" if p.age < 12 else "secondary"), "学生"
        education = self.education[0 if p.age >= 60 else 1 if p.age >= 35 else 2].pick()
        if p.age < 23 and self.random() < 0.6:
            return education, "学生"
        if p.age >= 60 and self.random() < 0.8:
            return education, "退休"
        if p.org >= 0 and self.random() < 0.6:
            return education, "企业职员"
        return education, self.occupations.pick()

    def _customer_type(self, p: Person, s: Summary, vip: int) -> str:
        if vip >= 2:
            return "value"
        if s.checkups and not s.encounters and self.random() < 0.7:
            return "volatile"
        if p.org >= 0 and self.random() < 0.6:
            return "benefit"
        return self.customer_types.pick()

    def identifier_rows(self, p: Person, s: Summary) -> list[Row]:
        systems = []
        if s.encounters:
            systems.append("HIS")
            if self.random() < 0.4:
                systems.append("LIS")
        if s.checkups:
            systems.append("PEIS")
        if s.inpatient:
            systems.append("EMR")
        stamp = self.clock.utc(p.created_t)
        rows: list[Row] = []
        for system in systems:  # a bijection of the patient number: unique, but not in patient order
            factor, modulus, pattern = ID_SCRAMBLE[system]
            value = pattern.format((p.index * factor + 12_345) % modulus)
            rows.append((self.ids(), stamp, p.id, system, value))
        return rows
