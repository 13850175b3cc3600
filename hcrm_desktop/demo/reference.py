"""Reference rows of the demo (departments, staff, companies, packages, follow-up rules, questionnaires)
and the lookups the patient and history generators draw from.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import timedelta

from hcrm_desktop.demo import catalog
from hcrm_desktop.demo.pools import DAY, Clock, IdSource, NamePool, Weighted, json_list
from hcrm_desktop.domain.passwords import hash_password
from hcrm_desktop.services.followup_catalog import shipped_questionnaire_rows, shipped_rule_rows

Row = tuple[object, ...]


@dataclass(frozen=True, slots=True)
class Org:
    id: str
    package_code: str
    checkup_day: int  # day of the year of the company's annual checkup
    discount: float


@dataclass
class Reference:
    """Rows per table plus lookups by code."""

    rows: dict[str, list[Row]] = field(default_factory=dict)
    dept_id: dict[str, str] = field(default_factory=dict)
    doctors: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # dept code -> (id, name)
    experts: dict[str, str] = field(default_factory=dict)  # dept code -> a senior doctor's id
    agents: list[str] = field(default_factory=list)
    nurses: list[str] = field(default_factory=list)
    supervisors: list[str] = field(default_factory=list)
    package_id: dict[str, str] = field(default_factory=dict)
    package_price: dict[str, int] = field(default_factory=dict)  # fen
    orgs: list[Org] = field(default_factory=list)
    rule_id: dict[str, str] = field(default_factory=dict)
    questionnaire_id: dict[str, str] = field(default_factory=dict)


def build_reference(rng: random.Random, ids: IdSource, clock: Clock, names: NamePool) -> Reference:
    ref = Reference()
    stamp = clock.utc(clock.now - 400 * DAY)
    _departments(ref, ids, stamp)
    _staff(ref, rng, ids, stamp, names)
    _packages(ref, ids, stamp)
    _organizations(ref, rng, ids, clock, names)
    _rules(ref, ids, stamp)
    return ref


def _departments(ref: Reference, ids: IdSource, stamp: str) -> None:
    rows = ref.rows.setdefault("departments", [])
    for code, name, kind in catalog.DEPARTMENTS:
        ref.dept_id[code] = dept = ids()
        rows.append((dept, stamp, code, name, kind))


def _staff(ref: Reference, rng: random.Random, ids: IdSource, stamp: str, names: NamePool) -> None:
    rows = ref.rows.setdefault("staff_users", [])
    demo_hash = hash_password("demo", salt=rng.randbytes(16))  # one slow hash, reused; seeded salt
    titles = Weighted(rng, catalog.TITLES)
    number = 1000
    for code, _name, kind in catalog.DEPARTMENTS:
        if kind != "clinical" and code != "TJZX":
            continue
        staff = ref.doctors.setdefault(code, [])
        for i in range(catalog.DOCTORS_PER_DEPT):
            number += 1
            title = "主任医师" if i == 0 else titles.pick()
            name = names.name(rng.random() < 0.55)[0]
            doctor = ids()
            staff.append((doctor, name))
            rows.append((doctor, stamp, f"d{number}", name, catalog.DOCTOR_ROLE,
                         ref.dept_id[code], f"D{number}", title, 1, None))
        ref.experts[code] = staff[0][0]
    users = list(catalog.DEMO_USERS)
    users += [(f"agent{i}", "", "agent", "KFZX") for i in range(3, 3 + catalog.EXTRA_AGENTS)]
    users += [(f"nurse{i}", "", "nurse", "SFZX") for i in range(3, 3 + catalog.EXTRA_NURSES)]
    users += [(f"supervisor{i}", "", "supervisor", "KFZX") for i in range(2, 2 + catalog.EXTRA_SUPERVISORS)]
    by_role = {"agent": ref.agents, "nurse": ref.nurses, "supervisor": ref.supervisors, "admin": []}
    for username, display, role, dept in users:
        number += 1
        user = ids()
        by_role[role].append(user)
        shown = display or names.name(role != "nurse" and rng.random() < 0.4)[0]
        rows.append((user, stamp, username, shown, role, ref.dept_id[dept],
                     f"S{number}", "护师" if role == "nurse" else None, 1, demo_hash))


def _packages(ref: Reference, ids: IdSource, stamp: str) -> None:
    rows = ref.rows.setdefault("packages", [])
    for code, name, price, sex, items in catalog.PACKAGES:
        ref.package_id[code] = package = ids()
        ref.package_price[code] = price * 100
        description = f"{name}：{'、'.join(items[:4])}等{len(items)}项"
        rows.append((package, stamp, code, name, price * 100, sex, json_list(items),
                     description))


def _organizations(ref: Reference, rng: random.Random, ids: IdSource, clock: Clock, names: NamePool) -> None:
    rows = ref.rows.setdefault("organizations", [])
    kinds, brands = catalog.ORG_KINDS, catalog.ORG_BRANDS
    contract_packages = Weighted(rng, (("JC", 4), ("ZQN", 4), ("ZLN", 2), ("RZ", 1), ("VIP", 0.3)))
    for i in range(catalog.ORG_COUNT):  # brand i // 2 with two different kinds: 50 distinct names
        pattern, industry = kinds[i * 3 % len(kinds)]
        name = pattern.format(b=brands[i // 2 % len(brands)])
        start = clock.today - timedelta(days=int(rng.random() * 330))
        org = Org(ids(), contract_packages.pick(), 60 + int(rng.random() * 270), 0.7 + rng.random() * 0.2)
        ref.orgs.append(org)
        contact = names.name(rng.random() < 0.5)[0]
        phone = f"0571-8{int(rng.random() * 10_000_000):07d}"
        stamp = clock.utc(clock.seconds(start) + 10 * 3600)
        rows.append((org.id, stamp, name, industry, contact, phone,
                     f"TJHT-{start.year}-{i + 1:04d}", start.isoformat(),
                     (start + timedelta(days=364)).isoformat()))


def _rules(ref: Reference, ids: IdSource, stamp: str) -> None:
    rules = ref.rows.setdefault("followup_rules", [])
    for code, name, kind, definition in shipped_rule_rows():  # the rules the app ships
        ref.rule_id[code] = rule = ids()
        rules.append((rule, stamp, code, name, kind, json.dumps(definition), 1))
    questionnaires = ref.rows.setdefault("questionnaires", [])
    for code, name, definition in shipped_questionnaire_rows():
        ref.questionnaire_id[code] = questionnaire = ids()
        questionnaires.append((questionnaire, stamp, code, name, json.dumps(definition)))
