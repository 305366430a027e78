"""What each stage reports besides its records: recoveries, conflicts, missing cells and
the layers it set aside. Stages return a Notes; the entry point concatenates them."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...performance_records import Conflict, LayerNote, MissingCell, Recovery


@dataclass
class Notes:
    recoveries: list[Recovery] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    missing: list[MissingCell] = field(default_factory=list)
    layers: list[LayerNote] = field(default_factory=list)

    def extend(self, other: Notes) -> None:
        self.recoveries += other.recoveries
        self.conflicts += other.conflicts
        self.missing += other.missing
        self.layers += other.layers
