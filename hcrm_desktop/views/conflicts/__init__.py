"""The sync conflicts screen (同步冲突): edits that lost or were refused, shown and re-applied or dismissed."""

from hcrm_desktop.views.conflicts.view import ConflictsDialog, ConflictsView

__all__ = ["ConflictsDialog", "ConflictsView"]
