"""Scoring of the AUDIT-C, DAST-10 and PHQ-9 screening instruments, partial answers allowed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from lead_desktop.errors import Issue, ValidationError

Answer = int | bool | None

AUDIT_C = "AUDIT-C"
DAST_10 = "DAST-10"
PHQ_9 = "PHQ-9"

AUDIT_C_THRESHOLD_MEN = 4
AUDIT_C_THRESHOLD_WOMEN = 3
DAST_10_REVERSED_INDEX = 2  # item 3: "Are you always able to stop...?" scores 1 for "no"
DAST_10_POSITIVE_AT = 3  # moderate or above: refer for further assessment
PHQ_9_POSITIVE_AT = 10  # moderate or above
PHQ_9_SAFETY_INDEX = 8  # item 9

# Highest total of each band, in order.
_DAST_BANDS = {0: "none", 2: "low", 5: "moderate", 8: "substantial", 10: "severe"}
_PHQ_BANDS = {4: "minimal", 9: "mild", 14: "moderate", 19: "moderately severe", 27: "severe"}


@dataclass(frozen=True)
class Choice:
    """One allowed answer to one item: the stored value and its label."""

    value: int | bool
    label: str


@dataclass(frozen=True)
class Instrument:
    """What a form needs to draw one instrument: version, stem, prompts and allowed answers."""

    name: str
    version: str
    title: str
    stem: str
    prompts: tuple[str, ...]
    choices: tuple[tuple[Choice, ...], ...]  # one tuple of choices per item
    scoring: str
    answer_fix: str
    reversed_items: tuple[int, ...] = ()  # item numbers (from 1) where "no" scores 1

    @property
    def item_count(self) -> int:
        """Return the number of items."""
        return len(self.prompts)


@dataclass(frozen=True)
class ScreeningResult:
    """The outcome of scoring one instrument; total, band and positive are None until complete."""

    instrument: str
    version: str
    items: tuple[Answer, ...]
    total: int | None
    band: str | None
    positive: bool | None
    safety_alert: bool
    complete: bool
    notes: tuple[str, ...]


def _scale(*labels: str) -> tuple[Choice, ...]:
    return tuple(Choice(value, label) for value, label in enumerate(labels))


_YES_NO = (Choice(True, "Yes"), Choice(False, "No"))
_PHQ_SCALE = _scale("Not at all", "Several days", "More than half the days", "Nearly every day")

INSTRUMENTS: dict[str, Instrument] = {
    AUDIT_C: Instrument(
        name=AUDIT_C,
        version="1",
        title="Alcohol Use Disorders Identification Test - Consumption",
        stem="Think about the past year.",
        prompts=(
            "How often do you have a drink containing alcohol?",
            "How many standard drinks containing alcohol do you have on a typical day?",
            "How often do you have six or more drinks on one occasion?",
        ),
        choices=(
            _scale(
                "Never",
                "Monthly or less",
                "2-4 times a month",
                "2-3 times a week",
                "4 or more times a week",
            ),
            _scale("1 or 2", "3 or 4", "5 or 6", "7 to 9", "10 or more"),
            _scale("Never", "Less than monthly", "Monthly", "Weekly", "Daily or almost daily"),
        ),
        answer_fix="enter a whole number from 0 to 4",
        scoring="Total 0-12. Positive at 4 or more for men, 3 or more for women.",
    ),
    DAST_10: Instrument(
        name=DAST_10,
        version="1",
        title="Drug Abuse Screening Test (10 items)",
        stem="These questions refer to the past 12 months. Do not count alcohol.",
        prompts=(
            "Have you used drugs other than those required for medical reasons?",
            "Do you use more than one drug at a time?",
            "Are you always able to stop using drugs when you want to?",
            "Have you had blackouts or flashbacks as a result of drug use?",
            "Do you ever feel bad or guilty about your drug use?",
            "Does your spouse (or parents) ever complain about your involvement with drugs?",
            "Have you neglected your family because of your use of drugs?",
            "Have you engaged in illegal activities in order to obtain drugs?",
            "Have you ever had withdrawal symptoms (felt sick) when you stopped taking drugs?",
            "Have you had medical problems from drug use (memory loss, hepatitis, bleeding...)?",
        ),
        choices=(_YES_NO,) * 10,
        answer_fix="answer yes or no",
        reversed_items=(DAST_10_REVERSED_INDEX + 1,),
        scoring="Each 'yes' scores 1, except item 3 where 'no' scores 1. Total 0-10: "
        "0 none, 1-2 low, 3-5 moderate, 6-8 substantial, 9-10 severe.",
    ),
    PHQ_9: Instrument(
        name=PHQ_9,
        version="1",
        title="Patient Health Questionnaire (9 items)",
        stem="Over the last 2 weeks, how often have you been bothered by any of the following?",
        prompts=(
            "Little interest or pleasure in doing things",
            "Feeling down, depressed, or hopeless",
            "Trouble falling or staying asleep, or sleeping too much",
            "Feeling tired or having little energy",
            "Poor appetite or overeating",
            "Feeling bad about yourself, or that you are a failure or let your family down",
            "Trouble concentrating on things, such as reading or watching television",
            "Moving or speaking very slowly, or being so fidgety you move around a lot more",
            "Thoughts that you would be better off dead, or of hurting yourself in some way",
        ),
        choices=(_PHQ_SCALE,) * 9,
        answer_fix="enter a whole number from 0 to 3",
        scoring="Total 0-27: 0-4 minimal, 5-9 mild, 10-14 moderate, 15-19 moderately severe, "
        "20-27 severe. Any answer above 0 on item 9 raises a safety alert.",
    ),
}


def _refuse(field: str, problem: str, fix: str) -> ValidationError:
    return ValidationError([Issue(field=field, problem=problem, fix=fix)])


def _validate(meta: Instrument, items: Sequence[Answer]) -> tuple[Answer, ...]:
    """Return the answers (yes/no as bool), or raise listing every value that is not allowed."""
    if isinstance(items, str | bytes) or len(items) != meta.item_count:
        got = "text" if isinstance(items, str | bytes) else str(len(items))
        raise _refuse(
            f"{meta.name} items",
            f"expected {meta.item_count} answers, got {got}",
            f"give one answer per item ({meta.item_count}), None for unanswered",
        )
    answers: list[Answer] = []
    issues: list[Issue] = []
    for n, (value, choices) in enumerate(zip(items, meta.choices, strict=True), start=1):
        yes_no = isinstance(choices[0].value, bool)
        allowed = {int(c.value) for c in choices}
        ok = isinstance(value, int) and (yes_no or not isinstance(value, bool))
        if value is None or (ok and int(value) in allowed):
            answers.append(bool(value) if yes_no and value is not None else value)
        else:
            issues.append(
                Issue(
                    f"{meta.name} item {n}",
                    f"{value!r} is not an allowed answer",
                    f"{meta.answer_fix}, or leave it unanswered",
                )
            )
    if issues:
        raise ValidationError(issues)
    return tuple(answers)


def _band(total: int, bands: dict[int, str]) -> str:
    return next(name for upper, name in bands.items() if total <= upper)


def _result(
    meta: Instrument,
    answers: tuple[Answer, ...],
    rule: Callable[[int], tuple[str, bool]],
    notes: list[str],
    safety_alert: bool = False,
) -> ScreeningResult:
    """Build the result: total, band and positive only when every item is answered."""
    points = _points(meta, answers)
    total: int | None = None
    band: str | None = None
    positive: bool | None = None
    if points is None:
        missing = sum(1 for value in answers if value is None)
        notes.append(f"{missing} of {len(answers)} items unanswered: total not computed")
    else:
        total = sum(points)
        band, positive = rule(total)
    return ScreeningResult(
        meta.name,
        meta.version,
        answers,
        total,
        band,
        positive,
        safety_alert,
        points is not None,
        tuple(notes),
    )


def _points(meta: Instrument, answers: tuple[Answer, ...]) -> list[int] | None:
    """Return each item's points (reverse-scored items flipped), or None if any is unanswered."""
    values = [value for value in answers if value is not None]
    if len(values) < len(answers):
        return None
    return [int(value) ^ (n in meta.reversed_items) for n, value in enumerate(values, start=1)]


def score_audit_c(items: Sequence[Answer], sex: str | None = None) -> ScreeningResult:
    """Score AUDIT-C; use the women's threshold (the safer one) when sex is not male/female."""
    meta = INSTRUMENTS[AUDIT_C]
    answers = _validate(meta, items)
    notes: list[str] = []
    key = sex.strip().lower() if isinstance(sex, str) else None
    threshold = AUDIT_C_THRESHOLD_MEN if key == "male" else AUDIT_C_THRESHOLD_WOMEN
    if key not in ("male", "female"):
        notes.append(f"sex not recorded: used the lower threshold ({threshold}), the safer one")

    def rule(total: int) -> tuple[str, bool]:
        return ("positive", True) if total >= threshold else ("negative", False)

    return _result(meta, answers, rule, notes)


def score_dast10(items: Sequence[Answer]) -> ScreeningResult:
    """Score DAST-10 from yes/no answers (True/False, 1/0 accepted); item 3 is reverse-scored."""
    meta = INSTRUMENTS[DAST_10]
    answers = _validate(meta, items)

    def rule(total: int) -> tuple[str, bool]:
        return _band(total, _DAST_BANDS), total >= DAST_10_POSITIVE_AT

    return _result(meta, answers, rule, [])


def score_phq9(items: Sequence[Answer]) -> ScreeningResult:
    """Score PHQ-9; any answer above 0 on item 9 raises the safety alert, even if incomplete."""
    meta = INSTRUMENTS[PHQ_9]
    answers = _validate(meta, items)
    item9 = answers[PHQ_9_SAFETY_INDEX]
    alert = item9 is not None and int(item9) > 0
    notes = ["item 9 answered above 0: ask about safety now and follow the crisis protocol"]

    def rule(total: int) -> tuple[str, bool]:
        return _band(total, _PHQ_BANDS), total >= PHQ_9_POSITIVE_AT

    return _result(meta, answers, rule, notes if alert else [], alert)


def score(instrument: str, items: Sequence[Answer], **kw: str | None) -> ScreeningResult:
    """Score the named instrument ('AUDIT-C', 'DAST-10', 'PHQ-9'); extra keywords go to it."""
    squeezed = "".join(ch for ch in instrument.upper() if ch.isalnum())
    names = {"".join(ch for ch in name if ch.isalnum()): name for name in INSTRUMENTS}
    name = names.get(squeezed)
    if name is None:
        raise _refuse(
            "instrument",
            f"unknown screening instrument {instrument!r}",
            f"use one of {', '.join(INSTRUMENTS)}",
        )
    if unexpected := sorted(set(kw) - ({"sex"} if name == AUDIT_C else set())):
        raise _refuse(
            f"{name} options",
            f"unexpected option(s) {', '.join(unexpected)}",
            "only AUDIT-C takes an option (sex)",
        )
    if name == AUDIT_C:
        return score_audit_c(items, sex=kw.get("sex"))
    return score_dast10(items) if name == DAST_10 else score_phq9(items)
