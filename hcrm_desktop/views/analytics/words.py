"""Words for the codes the customer analytics return (lifecycle stages, income bands, dimensions, errors)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hcrm_desktop.ui.i18n import QT_TRANSLATE_NOOP
from hcrm_desktop.ui.labels import customer_type_text, sex_text, value_tier_text

CONTEXT = "AnalyticsWords"
STAGES = {
    "first_time": QT_TRANSLATE_NOOP("AnalyticsWords", "First-time"),
    "potential": QT_TRANSLATE_NOOP("AnalyticsWords", "Prospect"),
    "long_term": QT_TRANSLATE_NOOP("AnalyticsWords", "Long-term"),
    "lapsed": QT_TRANSLATE_NOOP("AnalyticsWords", "Lapsed"),
}
INCOME = {
    "low": QT_TRANSLATE_NOOP("AnalyticsWords", "Low income"),
    "middle": QT_TRANSLATE_NOOP("AnalyticsWords", "Middle income"),
    "upper_middle": QT_TRANSLATE_NOOP("AnalyticsWords", "Upper-middle income"),
    "high": QT_TRANSLATE_NOOP("AnalyticsWords", "High income"),
}
DIMENSIONS = {  # customers.DIMENSIONS plus package choice, in menu order
    "customer_type": QT_TRANSLATE_NOOP("AnalyticsWords", "Customer type"),
    "age_band": QT_TRANSLATE_NOOP("AnalyticsWords", "Age band"),
    "sex": QT_TRANSLATE_NOOP("AnalyticsWords", "Sex"),
    "province": QT_TRANSLATE_NOOP("AnalyticsWords", "Province"),
    "city": QT_TRANSLATE_NOOP("AnalyticsWords", "City"),
    "district": QT_TRANSLATE_NOOP("AnalyticsWords", "District"),
    "occupation": QT_TRANSLATE_NOOP("AnalyticsWords", "Occupation"),
    "income_band": QT_TRANSLATE_NOOP("AnalyticsWords", "Income"),
    "package": QT_TRANSLATE_NOOP("AnalyticsWords", "Package choice"),
}
COVERAGE = {
    "discharge": QT_TRANSLATE_NOOP("AnalyticsWords", "Discharged patients"),
    "abnormal_checkup": QT_TRANSLATE_NOOP("AnalyticsWords", "Abnormal checkups"),
    "all": QT_TRANSLATE_NOOP("AnalyticsWords", "Total"),
}
ERRORS = {
    "not_writable": QT_TRANSLATE_NOOP("AnalyticsWords", "The file could not be written. Choose another folder."),
    "bad_headers": QT_TRANSLATE_NOOP("AnalyticsWords", "The table could not be exported."),
    "no_font": QT_TRANSLATE_NOOP("AnalyticsWords", "No Chinese font was found for the PDF (install fonts-noto-cjk)."),
    "bad_month": QT_TRANSLATE_NOOP("AnalyticsWords", "Choose a month."),
    "required": QT_TRANSLATE_NOOP("AnalyticsWords", "Required."),
    "empty": QT_TRANSLATE_NOOP("AnalyticsWords", "Nobody is on the list."),
    "too_long": QT_TRANSLATE_NOOP("AnalyticsWords", "Too long."),
    "positive": QT_TRANSLATE_NOOP("AnalyticsWords", "Must be greater than zero."),
    "after_recent": QT_TRANSLATE_NOOP("AnalyticsWords", "Must be longer than the recent period."),
    "shorter_than_lapsed": QT_TRANSLATE_NOOP("AnalyticsWords", "Must be at least the lapsed period."),
    "range": QT_TRANSLATE_NOOP("AnalyticsWords", "Must be between 1 and 10."),
    "unreadable": QT_TRANSLATE_NOOP("AnalyticsWords", "The saved thresholds could not be read; defaults are used."),
}


def tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def _word(words: dict[str, str], code: str | None) -> str:
    return tr(words[code]) if code in words else (code or tr("Unknown"))


def stage_text(code: str | None) -> str:
    return _word(STAGES, code)


def error_text(code: str) -> str:
    return tr(ERRORS.get(code, QT_TRANSLATE_NOOP("AnalyticsWords", "Something went wrong.")))


def dimension_text(code: str) -> str:
    return _word(DIMENSIONS, code)


def coverage_text(code: str) -> str:
    return _word(COVERAGE, code)


def value_text(dimension: str, code: str | None) -> str:
    """A value of a distribution in words: sexes, customer types, income bands translated; "" = unknown."""
    if not code:
        return tr("Unknown")
    if dimension == "sex":
        return sex_text(code)
    if dimension == "customer_type":
        return customer_type_text(code)
    if dimension == "income_band":
        return _word(INCOME, code)
    if dimension == "tier":
        return value_tier_text(code)
    return code
