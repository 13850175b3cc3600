"""The settings screen (设置)."""

from hcrm_desktop.views.settings.view import SettingsView

__all__ = ["SettingsView"]
