"""Worker roles (the same four the server knows)."""

ROLES = ("case_manager", "supervisor", "administrator", "evaluator")
