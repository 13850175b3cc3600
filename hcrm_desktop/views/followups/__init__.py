"""The follow-up screen (随访)."""

from hcrm_desktop.views.followups.view import FollowUpsView

__all__ = ["FollowUpsView"]
