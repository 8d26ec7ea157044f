"""Locate files in the resources folder (repository root, frozen bundle, or $LEAD_RESOURCES)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_VAR = "LEAD_RESOURCES"


def resources_root() -> Path:
    """Return the resources folder: $LEAD_RESOURCES if set, else the bundled or source folder."""
    override = os.environ.get(ENV_VAR, "").strip()
    if override:
        return Path(override).expanduser()
    bundle = getattr(sys, "_MEIPASS", None)  # PyInstaller one-file/one-folder bundle
    if isinstance(bundle, str):
        frozen = Path(bundle) / "resources"
        if frozen.is_dir():
            return frozen
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Return the path of a resource, e.g. resource_path("coverage", "baltimore-pilot.geojson")."""
    return resources_root().joinpath(*parts)
