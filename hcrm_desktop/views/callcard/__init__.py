"""The call card (来电弹屏): the caller's profile, a chooser, quick-create or a search, per call."""

from hcrm_desktop.views.callcard.card import CallCard, Resolution
from hcrm_desktop.views.callcard.profilecard import ProfileCard

__all__ = ["CallCard", "ProfileCard", "Resolution"]
