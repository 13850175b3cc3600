"""Secrets of sync in the OS keyring (`keyring`), never in files or logs: the user's password (if they
chose to keep it) and the HTTP service's refresh token, per central and user."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Protocol

SERVICE = "hcrm-desktop"


class SecretStore(Protocol):
    def get(self, name: str) -> str | None: ...
    def set(self, name: str, value: str) -> None: ...
    def delete(self, name: str) -> None: ...


@dataclass
class KeyringSecrets:
    """Secrets of one user at one central, as keyring entries `<central>|<user>|<name>`."""

    central: str
    username: str

    def _account(self, name: str) -> str:
        return f"{self.central}|{self.username}|{name}"

    def get(self, name: str) -> str | None:
        import keyring

        try:
            return keyring.get_password(SERVICE, self._account(name))
        except keyring.errors.KeyringError:
            return None

    def set(self, name: str, value: str) -> None:
        import keyring

        # no usable keyring: the session is simply not remembered
        with contextlib.suppress(keyring.errors.KeyringError):
            keyring.set_password(SERVICE, self._account(name), value)

    def delete(self, name: str) -> None:
        import keyring

        with contextlib.suppress(keyring.errors.KeyringError):
            keyring.delete_password(SERVICE, self._account(name))


class MemorySecrets:
    """A store that forgets everything when the process ends (tests, one-shot runs)."""

    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def get(self, name: str) -> str | None:
        return self.values.get(name)

    def set(self, name: str, value: str) -> None:
        self.values[name] = value

    def delete(self, name: str) -> None:
        self.values.pop(name, None)
