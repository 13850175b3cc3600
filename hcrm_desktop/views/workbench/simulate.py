"""The "simulate a call" tools of the demo: ring a customer's own number, a family member's number, an
unknown number or a withheld one through the simulator, so the whole screen pop can be tried without a PBX.

`CallSimulator.ring_next()` (F8 on the workbench) rings the next of the four in turn; the button's menu
picks one.
"""

from __future__ import annotations

import random

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from hcrm_desktop.services.profile import sample_caller
from hcrm_desktop.store.db import Database
from hcrm_desktop.ui.cti import CtiBridge
from hcrm_desktop.ui.tasks import TaskRunner

KINDS = ("customer", "family", "unknown", "withheld")
WITHHELD = "anonymous"


def unknown_number(rng: random.Random) -> str:
    return "170" + "".join(str(rng.randint(0, 9)) for _ in range(8))


class CallSimulator(QObject):
    rung = Signal(str, str)  # kind, call id

    def __init__(self, *, db: Database, runner: TaskRunner, bridge: CtiBridge, seed: int | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._bridge = bridge
        self._rng = random.Random(seed)
        self._next = 0

    def ring_next(self) -> None:
        kind = KINDS[self._next % len(KINDS)]
        self._next += 1
        self.ring(kind)

    def ring(self, kind: str) -> None:
        self._runner.spawn(self._ring(kind), owner=self)

    async def _ring(self, kind: str) -> None:
        simulator = self._bridge.simulator
        if simulator is None:
            return
        number, display = WITHHELD, ""
        if kind in ("customer", "family"):
            found = await self._runner.run_db(sample_caller, self._db, family=kind == "family", rng=self._rng)
            number, display = found if found else (unknown_number(self._rng), "")
        elif kind == "unknown":
            number = unknown_number(self._rng)
        if self._bridge.simulator is simulator:
            self.rung.emit(kind, simulator.ring(number, display))


class SimulateCallButton(QToolButton):
    """Click: the next kind of caller; the menu: a chosen one."""

    def __init__(self, simulator: CallSimulator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("simulateCallButton")
        self.simulator = simulator
        self.setText(self.tr("Simulate call"))
        self.setToolTip(self.tr("Ring the simulated phone (F8: customer, family, unknown, withheld in turn)"))
        self.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clicked.connect(simulator.ring_next)
        menu = QMenu(self)
        texts = {"customer": self.tr("A customer calls"), "family": self.tr("A family member calls"),
                 "unknown": self.tr("An unknown number calls"), "withheld": self.tr("A withheld number calls")}
        for kind in KINDS:
            action = menu.addAction(texts[kind])
            action.triggered.connect(lambda _checked=False, k=kind: simulator.ring(k))
        self.setMenu(menu)
