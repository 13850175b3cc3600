"""The workbench screen (工作台)."""

from hcrm_desktop.views.workbench.view import WorkbenchView

__all__ = ["WorkbenchView"]
