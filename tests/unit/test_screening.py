"""Tests for the AUDIT-C, DAST-10 and PHQ-9 scoring."""

from __future__ import annotations

import pytest

from lead_desktop.domain import screening as sc
from lead_desktop.errors import ValidationError


@pytest.mark.parametrize(
    ("items", "sex", "positive"),
    [
        ((1, 1, 1), "male", False),
        ((2, 1, 1), "male", True),
        ((1, 1, 1), "female", True),
        ((1, 1, 0), "female", False),
        ((1, 1, 1), None, True),
        ((1, 1, 1), "Male ", False),
    ],
)
def test_audit_c_threshold_depends_on_sex(
    items: tuple[int, int, int], sex: str | None, positive: bool
) -> None:
    result = sc.score_audit_c(items, sex=sex)
    assert result.total == sum(items)
    assert result.positive is positive
    assert result.complete


def test_audit_c_unknown_sex_uses_safer_threshold_and_says_so() -> None:
    result = sc.score_audit_c((3, 0, 0))
    assert result.positive is True
    assert any("lower threshold" in note for note in result.notes)
    assert not any("threshold" in n for n in sc.score_audit_c((3, 0, 0), "female").notes)


def test_audit_c_range_and_bounds() -> None:
    assert sc.score_audit_c((4, 4, 4), "male").total == 12
    assert sc.score_audit_c((0, 0, 0), "female").positive is False
    with pytest.raises(ValidationError) as info:
        sc.score_audit_c((5, 0, -1))
    fields = [issue.field for issue in info.value.issues]
    assert fields == ["AUDIT-C item 1", "AUDIT-C item 3"]
    assert "0 to 4" in info.value.issues[0].fix


def test_dast10_item3_is_reverse_scored() -> None:
    all_no = [False] * 10
    assert sc.score_dast10(all_no).total == 1  # "no" to "able to stop" scores 1
    answers = [False] * 10
    answers[2] = True
    assert sc.score_dast10(answers).total == 0
    assert sc.score_dast10(answers).band == "none"
    all_yes = [True] * 10
    assert sc.score_dast10(all_yes).total == 9
    maximum = [True] * 10
    maximum[2] = False
    assert sc.score_dast10(maximum).total == 10


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "none"),
        (1, "low"),
        (2, "low"),
        (3, "moderate"),
        (5, "moderate"),
        (6, "substantial"),
        (8, "substantial"),
        (9, "severe"),
        (10, "severe"),
    ],
)
def test_dast10_bands(total: int, band: str) -> None:
    answers: list[bool] = [True] * 10
    answers[2] = False  # scores 1 as "no"
    # turn off yes answers (other than item 3) until the total matches
    for index in [i for i in range(10) if i != 2][: 10 - total]:
        answers[index] = False
    if total == 0:
        answers[2] = True
    result = sc.score_dast10(answers)
    assert result.total == total
    assert result.band == band


def test_dast10_accepts_zero_one_and_rejects_others() -> None:
    assert sc.score_dast10([0] * 10).items == (False,) * 10
    with pytest.raises(ValidationError) as info:
        sc.score_dast10([2] + [0] * 9)
    assert info.value.issues[0].field == "DAST-10 item 1"


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "minimal"),
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "moderately severe"),
        (19, "moderately severe"),
        (20, "severe"),
        (27, "severe"),
    ],
)
def test_phq9_band_edges(total: int, band: str) -> None:
    items = [0] * 9
    left = total
    for i in range(8):  # keep item 9 at 0 unless needed
        items[i] = min(3, left)
        left -= items[i]
    items[8] = left
    result = sc.score_phq9(items)
    assert result.total == total
    assert result.band == band
    assert result.positive is (total >= 10)


def test_phq9_item9_alert_with_total_one() -> None:
    result = sc.score_phq9([0] * 8 + [1])
    assert result.total == 1
    assert result.band == "minimal"
    assert result.safety_alert is True
    assert sc.score_phq9([3] * 8 + [0]).safety_alert is False


def test_phq9_item9_alert_fires_on_partial_answers() -> None:
    result = sc.score_phq9([None] * 8 + [2])
    assert result.safety_alert is True
    assert result.complete is False
    assert result.total is None
    assert result.band is None


def test_partial_answers_never_rejected() -> None:
    result = sc.score_audit_c((4, None, 4), "male")
    assert (result.total, result.positive, result.complete) == (None, None, False)
    assert any("1 of 3 items unanswered" in note for note in result.notes)
    assert sc.score_phq9([None] * 9).safety_alert is False


def test_phq9_rejects_out_of_range_and_bools() -> None:
    with pytest.raises(ValidationError) as info:
        sc.score_phq9([0] * 8 + [4])
    assert info.value.issues[0].field == "PHQ-9 item 9"
    assert info.value.issues[0].fix.startswith("enter a whole number from 0 to 3")
    with pytest.raises(ValidationError):
        sc.score_phq9([True] + [0] * 8)


def test_wrong_item_count() -> None:
    with pytest.raises(ValidationError) as info:
        sc.score_phq9([0] * 8)
    assert info.value.issues[0].field == "PHQ-9 items"


def test_dispatch_by_name() -> None:
    assert sc.score("AUDIT-C", (1, 1, 1), sex="male").positive is False
    assert sc.score("audit-c", (1, 1, 1)).positive is True
    assert sc.score("PHQ-9", [0] * 9).instrument == "PHQ-9"
    assert sc.score("DAST-10", [False] * 10).total == 1
    with pytest.raises(ValidationError):
        sc.score("CAGE", (0, 0, 0, 0))
    with pytest.raises(ValidationError):
        sc.score("PHQ-9", [0] * 9, sex="male")


def test_instrument_metadata_matches_scoring() -> None:
    assert set(sc.INSTRUMENTS) == {"AUDIT-C", "DAST-10", "PHQ-9"}
    for name, meta in sc.INSTRUMENTS.items():
        assert len(meta.choices) == meta.item_count
        assert meta.version
        for choices in meta.choices:
            sc.score(name, [choices[0].value] * meta.item_count)
    assert [c.value for c in sc.INSTRUMENTS["PHQ-9"].choices[8]] == [0, 1, 2, 3]
    assert sc.INSTRUMENTS["AUDIT-C"].item_count == 3
    assert sc.INSTRUMENTS["DAST-10"].item_count == 10


def test_result_is_frozen() -> None:
    result = sc.score_phq9([0] * 9)
    with pytest.raises(AttributeError):
        result.total = 5  # type: ignore[misc]
