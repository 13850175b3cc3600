"""The complaints screen (投诉)."""

from hcrm_desktop.views.complaints.view import ComplaintsView

__all__ = ["ComplaintsView"]
