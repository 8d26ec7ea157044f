"""Derived figures (ratios, headline keys) and the table printed beside the budgets."""

from __future__ import annotations

import math
from typing import Any

#: Headline keys without a size take the figure at the largest size of the run.
HEADLINE = (
    "unlock_s_median",
    "unlock_kdf_s_median",
    "save_update_p50_ms",
    "save_update_p95_ms",
    "save_update_max_ms",
    "save_create_p50_ms",
    "save_create_p95_ms",
    "save_create_max_ms",
    "workload_ratio_sqlcipher_over_plain",
)


def derive(results: dict[str, Any], sizes: list[str]) -> dict[str, Any]:
    """Return the ratios of figures measured in the same run, and the headline keys."""
    out: dict[str, Any] = {}
    for size in sizes:
        enc, plain = (
            results[f"insert_rate_per_s_{size}"],
            results[f"insert_rate_per_s_{size}_plain"],
        )
        out[f"insert_time_ratio_sqlcipher_over_plain_{size}"] = plain / enc
        for key in (
            "search_index_build_ms",
            "search_p95_ms",
            "search_name_year_p95_ms",
            "save_update_p95_ms",
            "save_create_p95_ms",
        ):
            name = key.removesuffix("_ms")
            out[f"{name}_ratio_sqlcipher_over_plain_{size}"] = (
                results[f"{key}_{size}"] / results[f"{key}_{size}_plain"]
            )
    largest = sizes[-1]
    out["headline_figures_at"] = largest
    for key in HEADLINE:
        for suffix in ("", "_plain"):
            if f"{key}_{largest}{suffix}" in results:
                out[f"{key}{suffix}"] = results[f"{key}_{largest}{suffix}"]
    return out


def _fmt(value: float | None, digits: int = 2) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    return f"{value:.{digits}f}"


def _verdict(value: float | None, budget: tuple[str, float] | None) -> str:
    if value is None or budget is None:
        return ""
    op, limit = budget
    if op == "<=":
        return "ok" if value <= limit else f"MISS +{(value / limit - 1) * 100:.0f}%"
    return "ok" if abs(value - limit) <= 0.5 * limit else f"off {(value / limit - 1) * 100:+.0f}%"


def table(r: dict[str, Any], sizes: list[str]) -> str:
    """Render the figures as a fixed-width table with the budgets beside them."""
    rows: list[tuple[str, str, str, str, str, str]] = []

    def row(
        label: str,
        enc: float | None,
        plain: float | None = None,
        *,
        budget: tuple[str, float] | None = None,
        budget_text: str = "",
        ratio: float | None = None,
        digits: int = 2,
    ) -> None:
        if ratio is None and enc is not None and plain:
            ratio = enc / plain
        checked = ratio if budget and budget_text.startswith("ratio") else enc
        rows.append(
            (
                label,
                _fmt(enc, digits),
                _fmt(plain, digits),
                _fmt(ratio),
                budget_text,
                _verdict(checked, budget),
            )
        )

    for size in sizes:
        big = size == "100k"
        s15 = ("<=", 15.0) if big else None
        rows.append((f"-- {size} participants --", "", "", "", "", ""))
        row(f"unlock, Argon2id incl. (median of {r[f'unlock_reps_{size}']}), s",
            r[f"unlock_s_median_{size}"], budget=("~", 0.5), budget_text="about 0.5 s",
            digits=3)  # fmt: skip
        row("  of which Argon2id alone, s", r[f"unlock_kdf_s_median_{size}"], digits=3)
        row("unlock + first search (core of 'usable'), s",
            r[f"unlock_to_first_search_s_median_{size}"], budget=("<=", 1.5) if big else None,
            budget_text="<= 1.5 s (100k, incl. GUI)", digits=3)  # fmt: skip
        row("bulk insert, participants/s", r[f"insert_rate_per_s_{size}"],
            r[f"insert_rate_per_s_{size}_plain"],
            ratio=r[f"insert_time_ratio_sqlcipher_over_plain_{size}"], budget_text="(time ratio)",
            digits=0)  # fmt: skip
        row("search index build (first search), ms", r[f"search_index_build_ms_{size}"],
            r[f"search_index_build_ms_{size}_plain"])  # fmt: skip
        row("tolerant search p50, ms", r[f"search_p50_ms_{size}"],
            r[f"search_p50_ms_{size}_plain"])  # fmt: skip
        row("tolerant search p95, ms", r[f"search_p95_ms_{size}"],
            r[f"search_p95_ms_{size}_plain"], budget=s15 or ("<=", 15.0),
            budget_text="p95 <= 15 ms (at 100k)")  # fmt: skip
        row("tolerant search max, ms", r[f"search_max_ms_{size}"], r[f"search_max_ms_{size}_plain"])
        row("search 'Last YYYY' (20 queries, extra) p95, ms",
            r[f"search_name_year_p95_ms_{size}"], r[f"search_name_year_p95_ms_{size}_plain"],
            budget=("<=", 15.0), budget_text="p95 <= 15 ms (at 100k)")  # fmt: skip
        row("search target in top 20, %", r[f"search_found_top20_{size}"] * 100, digits=0)
        for what in ("update", "create"):
            row(f"durable save ({what}) p50, ms", r[f"save_{what}_p50_ms_{size}"],
                r[f"save_{what}_p50_ms_{size}_plain"])  # fmt: skip
            row(f"durable save ({what}) p95, ms", r[f"save_{what}_p95_ms_{size}"],
                r[f"save_{what}_p95_ms_{size}_plain"], budget=("<=", 5.0),
                budget_text="p95 <= 5 ms")  # fmt: skip
        row("bare 4 KiB write + fsync (disk) p50, ms", r[f"disk_fsync_4k_p50_ms_{size}"])
        row("bare 4 KiB write + fsync (disk) p95, ms", r[f"disk_fsync_4k_p95_ms_{size}"])
        row(f"workload ({r[f'workload_ops_{size}']} ops, median of "
            f"{r[f'workload_rounds_{size}']}), s",
            r[f"workload_s_median_{size}"], r[f"workload_s_median_{size}_plain"],
            ratio=r[f"workload_ratio_sqlcipher_over_plain_{size}"], budget=("<=", 1.3),
            budget_text="ratio <= 1.3")  # fmt: skip
        row("RSS, fresh process after unlock + searches, MB", r[f"rss_mb_{size}"],
            budget=("<=", 300.0) if big else None, budget_text="<= 300 MB (at 100k)",
            digits=0)  # fmt: skip
        row("  peak RSS of that process (Argon2id 128 MiB), MB", r[f"rss_peak_mb_{size}"],
            digits=0)  # fmt: skip
        row("  RSS of the bench process (both stores + data), MB",
            r[f"rss_mb_{size}_bench_process"], digits=0)  # fmt: skip
        row("  its peak, during the one-transaction bulk insert, MB",
            r[f"rss_peak_mb_{size}_bench_process"], digits=0)  # fmt: skip

    head = ("figure", "SQLCipher", "plain", "ratio", "budget", "verdict")
    widths = [max(len(x[i]) for x in [head, *rows]) for i in range(len(head))]
    lines = []
    for i, cells in enumerate([head, *rows]):
        lines.append(
            "  ".join(
                c.ljust(w) if j in {0, 4, 5} else c.rjust(w)
                for j, (c, w) in enumerate(zip(cells, widths, strict=True))
            ).rstrip()
        )
        if i == 0:
            lines.append("  ".join("-" * w for w in widths))
    m = r["machine"]
    lines.append("")
    lines.append(
        f"{r['command']}  {r['timestamp']}  {m['cpu']}, {m['cores']} cores, Python {m['python']}, "
        f"SQLCipher {m['sqlcipher']} (SQLite {m['sqlcipher_sqlite']}), plain SQLite "
        f"{m['plain_sqlite']}, Argon2id t={r['kdf_time_cost']} m={r['kdf_memory_mib']} MiB "
        f"p={r['kdf_parallelism']}"
    )
    return "\n".join(lines) + "\n"
