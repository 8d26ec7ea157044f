"""Store layer of LEAD Desktop."""
