"""The analytics screen (统计), for supervisors and administrators."""

from hcrm_desktop.views.analytics.view import AnalyticsView

__all__ = ["AnalyticsView"]
