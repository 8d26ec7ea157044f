"""Sync layer of LEAD Desktop."""
