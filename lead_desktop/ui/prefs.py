"""This computer's preferences (language, theme), kept outside the store so the unlock screen
can read them before anyone unlocks. Never put personal or program data here."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from lead_desktop.store.files import atomic_write

logger = logging.getLogger(__name__)

FILE_NAME = "prefs.json"
LANGUAGES = ("en", "es")
"""Interface languages, as ISO 639-1 codes."""
THEMES = ("system", "light", "dark")
"""``system`` follows the system's light or dark setting."""
_MAX_BYTES = 64 * 1024  # a preferences file is a few dozen bytes; anything bigger is not ours


@dataclass(frozen=True)
class Prefs:
    """Preferences of this computer, not of the program."""

    language: str = "en"
    theme: str = "system"

    def cleaned(self) -> Prefs:
        """The same preferences with any unknown value replaced by its default."""
        default = Prefs()
        return replace(
            self,
            language=self.language if self.language in LANGUAGES else default.language,
            theme=self.theme if self.theme in THEMES else default.theme,
        )


def prefs_path(data_dir: Path) -> Path:
    """Where the preferences of a data directory live."""
    return data_dir / FILE_NAME


def load_prefs(data_dir: Path) -> Prefs:
    """Read the preferences; defaults for a missing, unreadable or unknown file or value."""
    path = prefs_path(data_dir)
    try:
        if path.stat().st_size > _MAX_BYTES:
            logger.warning("preferences file is too large; using the defaults")
            return Prefs()
        data: Any = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return Prefs()
    except (OSError, ValueError):
        logger.warning("preferences file is unreadable; using the defaults")
        return Prefs()
    if not isinstance(data, dict):
        return Prefs()
    language, theme = data.get("language"), data.get("theme")
    return Prefs(
        language=language if isinstance(language, str) else Prefs.language,
        theme=theme if isinstance(theme, str) else Prefs.theme,
    ).cleaned()


def save_prefs(data_dir: Path, prefs: Prefs) -> Prefs:
    """Write the preferences atomically (only known values); return what was written."""
    clean = prefs.cleaned()
    payload = json.dumps(asdict(clean), indent=2, sort_keys=True) + "\n"
    atomic_write(prefs_path(data_dir), payload.encode("utf-8"))
    return clean
