"""What a write touched, so each view refreshes only what it shows (cf. Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    """Entities (table names) and the ids touched by one operation."""

    entities: frozenset[str] = frozenset()
    ids: frozenset[str] = frozenset()
    patient_ids: frozenset[str] = field(default_factory=frozenset)

    def touches(self, *entities: str) -> bool:
        return bool(self.entities.intersection(entities))

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.entities | other.entities, self.ids | other.ids, self.patient_ids | other.patient_ids
        )

    @classmethod
    def of(cls, entity: str, *ids: str, patient_id: str | None = None) -> Changes:
        return cls(frozenset({entity}), frozenset(ids), frozenset({patient_id} if patient_id else ()))


NO_CHANGES = Changes()
