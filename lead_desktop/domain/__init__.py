"""Domain layer of LEAD Desktop."""
