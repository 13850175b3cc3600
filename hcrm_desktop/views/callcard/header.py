"""The top of a profile: who the customer is, what they are worth, and what needs attention now."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from hcrm_desktop.services.profile import Alert, Profile
from hcrm_desktop.ui.labels import customer_type_text, relation_text, sex_text, value_tier_text, vip_text
from hcrm_desktop.views.callcard.words import alert_text


def _label(parent: QWidget, name: str, *, rich: bool = False) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _badge(parent: QWidget, kind: str) -> QLabel:
    badge = QLabel(parent)
    badge.setObjectName("badge")
    badge.setProperty("kind", kind)
    return badge


class ProfileHeader(QFrame):
    """Name, sex and age, badges, ids, phones (click one to dial it), tags and consent."""

    dial_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profileHeader")
        self._numbers: list[str] = []
        self.name_label = _label(self, "profileName")
        self.facts_label = _label(self, "profileFacts")
        self.vip_badge = _badge(self, "vip")
        self.tier_badge = _badge(self, "tier")
        self.type_badge = _badge(self, "type")
        self.deceased_badge = _badge(self, "deceased")
        self.ids_label = _label(self, "profileIds")
        self.phones_label = _label(self, "profilePhones", rich=True)
        self.phones_label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.phones_label.linkActivated.connect(self._on_phones_label_link_activated)
        self.tags_label = _label(self, "profileTags")
        self.tags_label.setWordWrap(True)
        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(self.name_label)
        top.addWidget(self.facts_label)
        for badge in (self.deceased_badge, self.vip_badge, self.tier_badge, self.type_badge):
            top.addWidget(badge)
        top.addStretch(1)
        self.action_row = QHBoxLayout()  # the card puts its buttons here
        self.action_row.setSpacing(6)
        top.addLayout(self.action_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(4)
        layout.addLayout(top)
        for widget in (self.ids_label, self.phones_label, self.tags_label):
            layout.addWidget(widget)

    def show_profile(self, profile: Profile) -> None:
        self.name_label.setText(profile.name)
        facts = [sex_text(profile.sex)]
        if profile.age is not None:
            facts.append(self.tr("{age} years").format(age=profile.age))
        self.facts_label.setText(" · ".join(facts))
        self.vip_badge.setText(vip_text(profile.vip_level))
        self.vip_badge.setProperty("level", min(profile.vip_level, 3))
        self.tier_badge.setText(self.tr("Value: {tier}").format(tier=value_tier_text(profile.value_tier)))
        self.tier_badge.setToolTip(self._rfm_tip(profile))
        self.type_badge.setText(customer_type_text(profile.customer_type))
        self.type_badge.setVisible(bool(profile.customer_type))
        self.deceased_badge.setText(self.tr("Deceased"))
        self.deceased_badge.setVisible(profile.deceased_on is not None)
        ids = [self.tr("Customer no. {no}").format(no=profile.customer_no)]
        if profile.masked_national_id:
            ids.append(self.tr("ID {id}").format(id=profile.masked_national_id))
        if profile.organization:
            ids.append(self.tr("Employer {name}").format(name=profile.organization))
        self.ids_label.setText(" · ".join(ids))
        self._show_phones(profile)
        self._show_tags(profile)
        for badge in (self.vip_badge, self.tier_badge):
            badge.style().unpolish(badge)
            badge.style().polish(badge)

    def _rfm_tip(self, profile: Profile) -> str:
        rfm = profile.rfm
        recency = "—" if rfm.recency_days is None else self.tr("{days} days ago").format(days=rfm.recency_days)
        return self.tr("Last 3 years: last visit {recency}, {count} visits or checkups, ¥{amount:,.0f}").format(
            recency=recency, count=rfm.frequency, amount=rfm.monetary_fen / 100)

    def _show_phones(self, profile: Profile) -> None:
        self._numbers = [phone.number for phone in profile.phones]
        parts = []
        for index, phone in enumerate(profile.phones):
            owner = relation_text(phone.relation)
            if phone.contact_name:
                owner = f"{owner} {phone.contact_name}"
            parts.append(f'<a href="dial:{index}">{html.escape(phone.masked)}</a> ({html.escape(owner)})')
        text = "　".join(parts) if parts else html.escape(self.tr("No phone on file"))
        caption = self.tr("Phones:")
        self.phones_label.setText(f"{html.escape(caption)} {text}")
        self.phones_label.setToolTip(self.tr("Click a number to dial it"))

    def _show_tags(self, profile: Profile) -> None:
        consent = profile.consent
        flags = [(self.tr("SMS"), consent.sms), (self.tr("WeChat"), consent.wechat), (self.tr("Phone"), consent.phone),
                 (self.tr("Data use"), consent.data_use)]
        consent_text = " ".join(f"{name}{'✓' if ok else '✗'}" for name, ok in flags)
        tags = "、".join(profile.tags) if profile.tags else self.tr("none")
        self.tags_label.setText(self.tr("Tags: {tags}　　Consent: {consent}").format(tags=tags, consent=consent_text))

    def _on_phones_label_link_activated(self, link: str) -> None:
        index = int(link.removeprefix("dial:")) if link.removeprefix("dial:").isdigit() else -1
        if 0 <= index < len(self._numbers):
            self.dial_requested.emit(self._numbers[index])


class AlertsStrip(QFrame):
    """One line per alert: deceased first, then cases, tasks, bookings and stays. Hidden when all is calm."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertsStrip")
        self.lines: list[QLabel] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(12, 8, 12, 8)
        self._layout.setSpacing(2)
        self.hide()

    def texts(self) -> list[str]:
        return [line.text() for line in self.lines]

    def show_alerts(self, alerts: tuple[Alert, ...]) -> None:
        for line in self.lines:
            self._layout.removeWidget(line)
            line.deleteLater()
        self.lines = []
        for alert in alerts:
            line = _label(self, "alertLine")
            line.setProperty("severity", "high" if alert.overdue or alert.kind == "deceased" else "normal")
            line.setWordWrap(True)
            line.setText(f"{'⚠' if alert.overdue else '•'} {alert_text(alert)}")
            self._layout.addWidget(line)
            self.lines.append(line)
        self.setVisible(bool(alerts))

