"""Documents layer of LEAD Desktop."""
