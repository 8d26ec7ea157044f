"""Build the interface translations from the sources.

    python scripts/translations.py update   # collect every tr() string and domain label into .ts
    python scripts/translations.py build    # compile .ts into the .qm files the app loads
    python scripts/translations.py check    # exit 1 and list what is untranslated

The .ts files in resources/translations are the translators' source (Qt Linguist opens them);
the .qm files are built from them and are not kept in git.
"""

from __future__ import annotations

import ast
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
#: Code lists shown through ui.labels: module -> constant names (empty: every public constant).
CODE_LISTS: dict[str, list[str]] = {
    "lead_desktop.domain.hmis": [],
    "lead_desktop.domain.casework": [],
    "lead_desktop.domain.workers": ["ROLES"],
    "lead_desktop.domain.consent": [
        "CONSENT_TYPES",
        "SIGNER_ROLES",
        "SIGNATURE_KINDS",
        "INFO_CATEGORIES",
    ],
    "lead_desktop.domain.places": ["KINDS"],
    "lead_desktop.domain.screening": ["_DAST_BANDS", "_PHQ_BANDS"],
    "lead_desktop.documents": ["KINDS"],
    "lead_desktop.ui.record.plan_tab": ["STAGES", "NEEDS"],
    "lead_desktop.ui.record.consents_tab": ["COPY_METHODS"],
    "lead_desktop.ui.record.contacts_tab": ["SERVICES"],
    "lead_desktop.ui.prefs": ["THEMES"],
}

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
    """English labels of domain codes that the interface shows through ui.labels.

    Bare codes (``in_the_wind``) are shown humanized (``In the wind``); English labels in code
    lists (HMIS answers, screening prompts and bands) are shown as they are, or humanized when a
    screen passes them to ``labels.code``. Both forms are collected.
    """
    import importlib

    from lead_desktop.ui.labels import humanize

    found: set[str] = set()

    def take(value: object) -> None:
        if not isinstance(value, str) or not value.strip():
            return
        if " " in value or value[:1].isupper():
            found.add(value)
        if value[:1].islower():
            found.add(humanize(value.replace("-", "_")))

    for module_name, names in CODE_LISTS.items():
        module = importlib.import_module(module_name)
        for name in names or [n for n in vars(module) if n.isupper()]:
            value = getattr(module, name)
            items = value.values() if isinstance(value, dict) else value
            if isinstance(items, str):
                continue
            for item in items:
                take(item)
    from lead_desktop.domain import screening

    for meta in screening.INSTRUMENTS.values():
        found.update((meta.title, meta.stem, *meta.prompts))
        for choices in meta.choices:
            found.update(c.label for c in choices)
    return sorted(found)


def _module_strings(tree: ast.Module) -> dict[str, str]:
    """Module-level NAME = "literal" assignments (translation contexts kept in constants)."""
    out: dict[str, str] = {}
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            out[node.targets[0].id] = node.value.value
    return out


def _literal(node: ast.expr, constants: dict[str, str]) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    return None


def _helper_contexts(tree: ast.Module, constants: dict[str, str]) -> dict[str, str]:
    """Small wrappers such as ``def _tr(text): return QCoreApplication.translate("Ctx", text)``."""
    helpers: dict[str, str] = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef):
            continue
        for call in ast.walk(node):
            if (
                isinstance(call, ast.Call)
                and isinstance(call.func, ast.Attribute)
                and call.func.attr == "translate"
                and call.args
            ):
                context = _literal(call.args[0], constants)
                if context is not None:
                    helpers[node.name] = context
    return helpers


def _is_translate(func: ast.expr) -> bool:
    if isinstance(func, ast.Attribute):
        return func.attr in ("translate", "QT_TRANSLATE_NOOP")
    return isinstance(func, ast.Name) and func.id == "QT_TRANSLATE_NOOP"


def extra_messages() -> dict[str, set[str]]:
    """Strings lupdate cannot see: wrapper helpers, contexts held in constants, domain codes."""
    extra: dict[str, set[str]] = {CODES: set(code_strings()), ISSUES: issue_templates()}
    for path in sorted((REPO / "lead_desktop" / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        constants = _module_strings(tree)
        helpers = _helper_contexts(tree, constants)
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call) or not call.args:
                continue
            func = call.func
            if isinstance(func, ast.Name) and func.id in helpers:
                text = _literal(call.args[0], constants)
                if text is not None:
                    extra.setdefault(helpers[func.id], set()).add(text)
            elif _is_translate(func) and len(call.args) >= 2:
                if isinstance(call.args[0], ast.Name):  # lupdate reads literal contexts only
                    context = _literal(call.args[0], constants)
                    text = _literal(call.args[1], constants)
                    if context is not None and text is not None:
                        extra.setdefault(context, set()).add(text)
    return extra


ISSUES = "issues"
#: Core functions that build an Issue from English templates: name -> position of the problem
#: (the fix follows it).
ISSUE_BUILDERS = {"issue": 1, "_refuse": 1, "bad": 1, "_at": 2}


def _local_strings(function: ast.AST) -> dict[str, set[str]]:
    """Literal strings assigned to each plain name inside one function."""
    out: dict[str, set[str]] = {}
    for node in ast.walk(function):
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            values = [node.value]
            while values:
                value = values.pop()
                if isinstance(value, ast.IfExp):
                    values += [value.body, value.orelse]
                elif isinstance(value, ast.Constant) and isinstance(value.value, str):
                    if isinstance(target, ast.Name):
                        out.setdefault(target.id, set()).add(value.value)
    return out


def issue_templates() -> set[str]:
    """English templates of the core's validation messages (context ``issues``).

    Every ``issue(field, problem, fix, ...)`` call (and the small wrappers in
    :data:`ISSUE_BUILDERS`) outside the interface, with literal templates, plus the consent
    rules' :data:`~lead_desktop.domain.consent.MESSAGES`.
    """
    from lead_desktop.domain import consent

    found: set[str] = set()
    for problem, fix in consent.MESSAGES.values():
        found.update((consent.plain_template(problem), consent.plain_template(fix)))
    ui = REPO / "lead_desktop" / "ui"
    for path in sorted((REPO / "lead_desktop").rglob("*.py")):
        if ui in path.parents:
            continue
        tree = ast.parse(path.read_text("utf-8"))
        constants = _module_strings(tree)
        scopes: list[ast.AST] = [tree]
        scopes += [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]
        for scope in scopes:
            local = _local_strings(scope) if scope is not tree else {}
            for call in ast.walk(scope):
                if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name)):
                    continue
                at = ISSUE_BUILDERS.get(call.func.id)
                if at is None:
                    continue
                for arg in call.args[at : at + 2]:
                    text = _literal(arg, constants)
                    if text is not None:
                        found.add(text)
                    elif isinstance(arg, ast.Name):
                        found.update(local.get(arg.id, ()))
    return {t for t in found if t.strip()}


def _translations(ts: Path) -> dict[tuple[str, str], str]:
    """Finished translations already in a .ts, by (context, source)."""
    if not ts.exists():
        return {}
    done: dict[tuple[str, str], str] = {}
    for context in ET.parse(ts).getroot().findall("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            translation = message.find("translation")
            if translation is not None and translation.text and not translation.get("type"):
                done[(name, message.findtext("source") or "")] = translation.text
    return done


def _add_extra(ts: Path, before: dict[tuple[str, str], str]) -> None:
    """Add what lupdate missed, with the translations those strings had before."""
    tree = ET.parse(ts)
    root = tree.getroot()
    contexts = {c.findtext("name"): c for c in root.findall("context")}
    for name, texts in sorted(extra_messages().items()):
        context = contexts.get(name)
        if context is None:
            context = ET.SubElement(root, "context")
            ET.SubElement(context, "name").text = name
            contexts[name] = context
        have = {m.findtext("source") for m in context.findall("message")}
        for text in sorted(texts - have):
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = text
            known = before.get((name, text)) or before.get((CODES, text))
            if known:
                ET.SubElement(message, "translation").text = known
            else:
                ET.SubElement(message, "translation", {"type": "unfinished"})
    ET.indent(tree, space="    ")
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def update() -> None:
    """Re-extract strings from the sources into every .ts (translations already made are kept)."""
    sources = sorted(str(p.relative_to(REPO)) for p in (REPO / "lead_desktop" / "ui").rglob("*.py"))
    for language in LANGUAGES:
        ts = ts_path(language)
        before = _translations(ts)
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
        _add_extra(ts, before)
        logger.info("updated %s", ts.name)


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
