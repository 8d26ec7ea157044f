"""Benchmarks of the LEAD Desktop store: SQLCipher against plain SQLite, same code, same run."""
