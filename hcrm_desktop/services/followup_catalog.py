"""Follow-up rules and questionnaires in the synced tables, so an admin's edit reaches every workstation.

The shipped files (`resources/followups/`) seed the tables; `sync_rules_from_file(replace=True)` puts the
file's rules back over the stored ones. A bad file or a bad edit raises `RulesError` (naming the line) and
changes nothing: the previous rules stay in force.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hcrm_desktop.domain.enums import Role
from hcrm_desktop.domain.followup_rules import (
    Rule,
    RulesError,
    RuleSet,
    parse_rule_json,
    parse_rules_toml,
    rule_from_definition,
)
from hcrm_desktop.domain.questionnaire import load_questionnaires
from hcrm_desktop.paths import resource
from hcrm_desktop.services.changes import Changes
from hcrm_desktop.store.db import Database
from hcrm_desktop.store.models import FollowUpRule, Questionnaire


def rules_file() -> Path:
    return resource("followups", "rules.toml")


def questionnaires_folder() -> Path:
    return resource("followups", "questionnaires")


def shipped_rules() -> RuleSet:
    """The rules of the shipped file (raises `RulesError` if someone broke it)."""
    return parse_rules_toml(rules_file().read_text(encoding="utf-8"))


def shipped_rule_rows() -> list[tuple[str, str, str, dict[str, Any]]]:
    """(code, name, kind, definition) of each shipped rule, for bulk loads such as the demo data."""
    return [(r.code, r.name, r.kind, r.definition) for r in shipped_rules().rules]


def shipped_questionnaire_rows() -> list[tuple[str, str, dict[str, Any]]]:
    """(code, name, definition) of each shipped questionnaire."""
    return [(q.code, q.name, q.definition) for q in load_questionnaires(questionnaires_folder())]


class RuleEditError(Exception):
    """An edit the user may not make; `code`: `not_admin`, `code_mismatch`."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class CatalogSync:
    added: tuple[str, ...]
    updated: tuple[str, ...]
    changes: Changes


@dataclass(frozen=True)
class StoredRule:
    id: str
    code: str
    name: str
    kind: str
    active: bool
    definition: dict[str, Any]
    error: str | None  # the stored definition no longer validates (e.g. written by a newer version)

    def editor_text(self) -> str:
        return json.dumps(self.definition, ensure_ascii=False, indent=2)


def sync_rules_from_file(db: Database, path: Path | None = None, *, replace: bool = False) -> CatalogSync:
    """Add the file's rules missing from the table (and, with `replace`, overwrite the stored ones)."""
    rules = shipped_rules() if path is None else parse_rules_toml(path.read_text(encoding="utf-8"))
    with db.write() as session:
        added, updated = _upsert_rules(session, rules, replace=replace)
    ids = frozenset(added) | frozenset(updated)
    return CatalogSync(tuple(added), tuple(updated), Changes(frozenset({"followup_rules"}), ids))


def _upsert_rules(session: Session, rules: RuleSet, *, replace: bool) -> tuple[list[str], list[str]]:
    stored = {r.code: r for r in session.scalars(select(FollowUpRule))}
    added: list[str] = []
    updated: list[str] = []
    for rule in rules.rules:
        row = stored.get(rule.code)
        if row is None:
            session.add(FollowUpRule(code=rule.code, name=rule.name, kind=rule.kind, definition=rule.definition,
                                     active=rule.active))  # fmt: skip
            added.append(rule.code)
        elif replace and (row.definition != rule.definition or row.name != rule.name or row.kind != rule.kind):
            row.name, row.kind, row.definition, row.active = rule.name, rule.kind, rule.definition, rule.active
            row.deleted = False
            updated.append(rule.code)
    return added, updated


def seed_questionnaires(db: Database, folder: Path | None = None) -> CatalogSync:
    """Add the shipped templates missing from the table; replace stored ones of an older `version`."""
    templates = load_questionnaires(folder or questionnaires_folder())
    added: list[str] = []
    updated: list[str] = []
    with db.write() as session:
        stored = {q.code: q for q in session.scalars(select(Questionnaire))}
        for template in templates:
            row = stored.get(template.code)
            if row is None:
                session.add(Questionnaire(code=template.code, name=template.name, definition=template.definition))
                added.append(template.code)
            elif int(row.definition.get("version", 0)) < int(template.definition.get("version", 0)):
                row.name, row.definition = template.name, template.definition
                updated.append(template.code)
    return CatalogSync(tuple(added), tuple(updated), Changes(frozenset({"questionnaires"})))


def stored_rules(session: Session) -> list[StoredRule]:
    """Every rule in the table (active or not), by code, with its validation error if any."""
    found = []
    for row in session.scalars(select(FollowUpRule).where(FollowUpRule.deleted.is_(False)).order_by(FollowUpRule.code)):
        try:
            rule_from_definition({**row.definition, "code": row.code})
            error = None
        except RulesError as exc:
            error = exc.message
        found.append(StoredRule(row.id, row.code, row.name, row.kind, row.active, dict(row.definition), error))
    return found


def list_rules(db: Database) -> list[StoredRule]:
    """Every stored rule (seeding the table from the shipped files first when it has none)."""
    with db.session() as session:
        found = stored_rules(session)
    if not found:
        sync_rules_from_file(db)
        seed_questionnaires(db)
        with db.session() as session:
            found = stored_rules(session)
    return found


def new_rule_text() -> str:
    """The editor's starting point for a new rule: the shipped post-discharge rule under a new code."""
    definition = dict(shipped_rules().rules[0].definition)
    definition.update(code="new_rule", name={"zh": "新随访方案", "en": "New follow-up rule"}, active=False)
    return json.dumps(definition, ensure_ascii=False, indent=2)


def active_rules(session: Session) -> tuple[RuleSet, dict[str, str]]:
    """The active rules that validate, and the errors of those that do not (code -> message)."""
    rules: list[Rule] = []
    errors: dict[str, str] = {}
    for stored in stored_rules(session):
        if not stored.active:
            continue
        if stored.error:
            errors[stored.code] = stored.error
            continue
        rules.append(rule_from_definition({**stored.definition, "code": stored.code}))
    return RuleSet(tuple(rules)), errors


def save_rule(db: Database, *, role: str, text: str, code: str | None = None) -> tuple[Rule, Changes]:
    """Validate the editor's JSON and store it (a new code adds a rule). Admins only.

    Raises `RuleEditError('not_admin')`, `RuleEditError('code_mismatch')` when editing `code` but the text
    names another, or `RulesError` (with the line) for an invalid rule; nothing is written then.
    """
    if role != Role.ADMIN.value:
        raise RuleEditError("not_admin")
    rule = parse_rule_json(text)
    if code is not None and rule.code != code:
        raise RuleEditError("code_mismatch")
    with db.write() as session:
        row = session.scalar(select(FollowUpRule).where(FollowUpRule.code == rule.code))
        if row is None:
            row = FollowUpRule(code=rule.code, name=rule.name, kind=rule.kind, definition=rule.definition,
                               active=rule.active)  # fmt: skip
            session.add(row)
        else:
            row.name, row.kind, row.definition, row.active = rule.name, rule.kind, rule.definition, rule.active
            row.deleted = False
        rule_id = row.id
    return rule, Changes.of("followup_rules", rule_id)


def set_rule_active(db: Database, *, role: str, code: str, active: bool) -> Changes:
    """Switch a rule on or off (its tasks already made stay). Admins only."""
    if role != Role.ADMIN.value:
        raise RuleEditError("not_admin")
    with db.write() as session:
        row = session.scalar(select(FollowUpRule).where(FollowUpRule.code == code))
        if row is None:
            raise RuleEditError("unknown_rule")
        row.active = active
        definition = dict(row.definition)
        definition["active"] = active
        row.definition = definition
        return Changes.of("followup_rules", row.id)
