"""Build the interface translations from the sources.

    python scripts/translations.py update   # collect every tr() string and domain label into .ts
    python scripts/translations.py build    # compile .ts into the .qm files the app loads
    python scripts/translations.py check    # exit 1 and list what is untranslated

The .ts files in resources/translations are the translators' source (Qt Linguist opens them);
the .qm files are built from them and are not kept in git.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

TS_DIR = REPO / "resources" / "translations"
LANGUAGES = ("es",)
CODES = "codes"

logger = logging.getLogger("translations")


def _tool(name: str) -> str:
    local = Path(sys.executable).parent / name
    found = str(local) if local.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found; run 'make test' or 'make run' once to install it")
    return found


def ts_path(language: str) -> Path:
    """The translation source for one language."""
    return TS_DIR / f"lead_desktop_{language}.ts"


def code_strings() -> list[str]:
    """English labels of domain codes that the interface shows through ui.labels."""
    from lead_desktop.domain import casework, hmis, screening, workers
    from lead_desktop.ui.labels import source_strings

    coded = [
        hmis.NAME_DQ,
        hmis.SSN_DQ,
        hmis.DOB_DQ,
        hmis.NO_YES,
        hmis.SEX,
        hmis.RACE,
        hmis.LIVING_SITUATION,
        hmis.SUBSTANCE_USE,
    ]
    for name in dir(hmis):
        value = getattr(hmis, name)
        if name.isupper() and isinstance(value, dict) and value not in coded:
            coded.append(value)
    codes: list[tuple[str, ...]] = [hmis.STATUSES, hmis.ALIAS_KINDS, workers.ROLES]
    for name in dir(casework):
        value = getattr(casework, name)
        if name.isupper() and isinstance(value, tuple) and all(isinstance(v, str) for v in value):
            codes.append(value)
    found = source_strings(coded, codes)
    for meta in screening.INSTRUMENTS.values():
        found.extend((meta.title, meta.stem, *meta.prompts))
        for choices in meta.choices:
            found.extend(c.label for c in choices)
    for value in vars(screening).values():
        if isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
            found.extend(value.values())
    return sorted(set(found))


def _add_codes(ts: Path) -> None:
    tree = ET.parse(ts)
    root = tree.getroot()
    context = next((c for c in root.findall("context") if c.findtext("name") == CODES), None)
    if context is None:
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = CODES
    have = {m.findtext("source"): m for m in context.findall("message")}
    wanted = code_strings()
    for text in wanted:
        if text not in have:
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = text
            ET.SubElement(message, "translation", {"type": "unfinished"})
    for text, message in have.items():
        translation = message.find("translation")
        if text not in wanted and translation is not None:
            translation.set("type", "vanished")
    ET.indent(tree, space="    ")
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def update() -> None:
    """Re-extract strings from the sources into every .ts (translations already made are kept)."""
    sources = sorted(str(p.relative_to(REPO)) for p in (REPO / "lead_desktop" / "ui").rglob("*.py"))
    for language in LANGUAGES:
        ts = ts_path(language)
        subprocess.run(
            [
                _tool("pyside6-lupdate"),
                "-locations",
                "none",
                "-no-obsolete",
                *sources,
                "-target-language",
                language,
                "-ts",
                str(ts),
            ],
            check=True,
            cwd=REPO,
        )
        _add_codes(ts)
        logger.info("updated %s", ts.relative_to(REPO))


def build() -> None:
    """Compile every .ts into its .qm."""
    for language in LANGUAGES:
        ts = ts_path(language)
        qm = ts.with_suffix(".qm")
        subprocess.run(
            [_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True, cwd=REPO
        )


def untranslated(language: str) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished translation."""
    root = ET.parse(ts_path(language)).getroot()
    missing = []
    for context in root.findall("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "unfinished"
            if kind in ("vanished", "obsolete"):
                continue
            if translation is None or kind == "unfinished" or not (translation.text or "").strip():
                missing.append((name, message.findtext("source") or ""))
    return missing


def main(argv: list[str]) -> int:
    """Run one command."""
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    command = argv[0] if argv else "build"
    if command == "update":
        update()
    elif command == "build":
        build()
    elif command == "check":
        bad = 0
        for language in LANGUAGES:
            for context, source in untranslated(language):
                logger.error("%s: untranslated in %s: %s", language, context, source)
                bad += 1
        return 1 if bad else 0
    else:
        logger.error("unknown command %s; use update, build or check", command)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
