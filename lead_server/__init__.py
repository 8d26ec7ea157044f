"""Central sync server for LEAD Desktop."""

__version__ = "0.1.0"
