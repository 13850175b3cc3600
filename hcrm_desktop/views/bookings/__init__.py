"""The bookings screen (预约)."""

from hcrm_desktop.views.bookings.view import BookingsView

__all__ = ["BookingsView"]
