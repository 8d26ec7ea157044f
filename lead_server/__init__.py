"""Central sync server for LEAD Desktop."""
