"""The customers screen (客户)."""

from hcrm_desktop.views.customers.view import CustomersView

__all__ = ["CustomersView"]
