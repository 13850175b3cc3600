"""The scene `hcrm-desktop screenshot --view wrapup` shows: a call card's wrap-up, a complaint half typed."""

from __future__ import annotations

import asyncio
import contextlib
from typing import TYPE_CHECKING

from hcrm_desktop.ui.tasks import signal_future
from hcrm_desktop.views.wrapup.sections import choose

if TYPE_CHECKING:
    from hcrm_desktop.views.callcard.card import CallCard


async def stage_wrapup(card: CallCard, *, seconds: float = 10.0) -> None:
    form = card.wrapup.open()
    loaded = signal_future(form.loaded)
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(seconds):
            await loaded
    form.set_type("complaint", edited=True)
    choose(form.category_combo, "complaint.waiting_time")
    choose(form.disposition_combo, "complaint_registered")
    choose(form.complaint.severity_combo, "high")
    if form.complaint.department_combo.count() > 1:
        form.complaint.department_combo.setCurrentIndex(1)
    form.complaint.subject_edit.setText("上午候诊两小时，无人解释原因")
    form.complaint.staff_edit.setText("导诊台")
    form.summary_edit.setPlainText("患者来电投诉候诊时间过长，已登记投诉，承诺三个工作日内回复。")
