"""HCRM Desktop: the customer-service workbench for hospitals and health-check centers."""

__version__ = "0.1.0"
APP_NAME = "hcrm-desktop"
