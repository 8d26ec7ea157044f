"""Errors the server raises on purpose; their text is safe to show an operator."""

from __future__ import annotations

from lead_desktop.errors import LeadError


class ServerError(LeadError):
    """Root of the central server's own errors."""


class AdminError(ServerError):
    """An administrative command (add a user, revoke a device...) could not be done."""


class RejectedEntry(ServerError):
    """A pushed entry the server will not apply; it goes to quarantine with this reason."""
