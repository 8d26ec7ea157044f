"""LEAD Desktop: intake and case management for Law Enforcement Assisted Diversion."""

__version__ = "0.1.0"
