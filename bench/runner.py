"""Run every measurement for one number of participants; return flat, named figures."""

from __future__ import annotations

import logging
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import store_bench as sb
from bench.people import generate_people
from bench.queries import KINDS, build_queries
from bench.stats import peak_rss_mb, rss_mb, summary_ms

logger = logging.getLogger(__name__)


def size_label(n: int) -> str:
    """Return '10k' for 10000, '100k' for 100000."""
    return f"{n // 1000}k" if n % 1000 == 0 else str(n)


def _put(out: dict[str, Any], key: str, sides: dict[str, float]) -> None:
    out[key] = sides["sqlcipher"]
    out[f"{key}_plain"] = sides["plain"]


def run_size(n: int, people_source: str = "demo") -> dict[str, Any]:
    """Measure SQLCipher and plain SQLite with ``n`` participants, side by side."""
    size = size_label(n)
    out: dict[str, Any] = {}
    start = time.perf_counter()
    people, source = generate_people(n, source=people_source)
    out["people_source"] = source
    queries = build_queries(people)
    logger.info("%s: %d people (%s) and %d queries in %.1f s", size, n, source, len(queries),
                time.perf_counter() - start)  # fmt: skip
    insert_repeats = 3 if n <= 20_000 else 1
    search_rounds = 3
    saves = 300
    workload_rounds = 4
    unlock_reps = 5

    with tempfile.TemporaryDirectory(prefix="lead-bench-") as tmp:
        work = Path(tmp)
        enc = sb.open_side(work / "sqlcipher", encrypted=True)
        plain = sb.open_side(work / "plain", encrypted=False)
        sides = (enc, plain)
        try:
            # Bulk insert: the measured stores first, then throw-away repeats (small N only).
            rates: dict[str, list[float]] = {"sqlcipher": [], "plain": []}
            for side in sides:
                seconds = sb.bulk_insert(side, people)
                rates[side.label].append(n / seconds)
                logger.info("%s %s: bulk insert %.1f s", size, side.label, seconds)
            for rep in range(1, insert_repeats):
                for encrypted in (False, True) if rep % 2 else (True, False):
                    label = "sqlcipher" if encrypted else "plain"
                    root = work / f"repeat-{rep}-{label}"
                    rates[label].append(n / sb.bulk_insert_repeat(root, encrypted, people))
            out["insert_repeats"] = insert_repeats
            out[f"rss_peak_mb_{size}_bench_process"] = peak_rss_mb()
            out[f"settle_s_{size}"] = sb.settle()
            _put(out, f"insert_rate_per_s_{size}",
                 {k: statistics.median(v) for k, v in rates.items()})  # fmt: skip

            # Search: the first one builds the in-memory token index, then warm latencies.
            build = {s.label: sb.first_search(s, queries[0].text) * 1000 for s in sides}
            _put(out, f"search_index_build_ms_{size}", build)
            out[f"search_index_tokens_{size}"] = len(enc.store.search_index.tokens)
            times, found = sb.search_latencies(sides, queries, search_rounds)
            stats = {label: summary_ms(v) for label, v in times.items()}
            for q in ("p50", "p95", "max"):
                _put(out, f"search_{q}_ms_{size}", {k: v[q] for k, v in stats.items()})
            out[f"search_samples_{size}"] = len(times["sqlcipher"])
            out[f"search_found_top20_{size}"] = statistics.fmean(found.values())
            for kind in KINDS:
                if kind in found:
                    out[f"search_found_top20_{kind}_{size}"] = found[kind]
            logger.info("%s: search p95 %.2f ms (plain %.2f ms)", size,
                        stats["sqlcipher"]["p95"], stats["plain"]["p95"])  # fmt: skip
            # A separate figure: name + birth year only ("Jackson 1980"); not in the 200.
            texts = sb.name_year_queries(people, 20, seed=17)
            stats = {k: summary_ms(v) for k, v in sb.search_times(sides, texts, 3).items()}
            for q in ("p50", "p95"):
                _put(out, f"search_name_year_{q}_ms_{size}", {k: v[q] for k, v in stats.items()})

            # Memory: this process (holds generated data and both stores) and a fresh app process.
            out[f"rss_mb_{size}_bench_process"] = rss_mb()
            probe = sb.rss_probe(enc.store.root, queries, work)
            out[f"rss_mb_{size}"] = probe["rss_mb"]
            out[f"rss_peak_mb_{size}"] = probe["peak_rss_mb"]
            logger.info("%s: fresh process RSS %.0f MB (peak %.0f MB)", size,
                        probe["rss_mb"], probe["peak_rss_mb"])  # fmt: skip

            # Unlock (SQLCipher only: Store.unlock always applies the key).
            unlock = sb.unlock_times(enc.store.root, unlock_reps, queries[0].text)
            out[f"unlock_s_median_{size}"] = statistics.median(unlock["unlock"])
            out[f"unlock_s_min_{size}"] = min(unlock["unlock"])
            out[f"unlock_s_max_{size}"] = max(unlock["unlock"])
            out[f"unlock_kdf_s_median_{size}"] = statistics.median(unlock["kdf"])
            out[f"unlock_to_first_search_s_median_{size}"] = statistics.median(
                u + f for u, f in zip(unlock["unlock"], unlock["first_search"], strict=True)
            )
            out[f"unlock_reps_{size}"] = unlock_reps
            logger.info("%s: unlock median %.3f s", size, out[f"unlock_s_median_{size}"])

            # Durable saves, each its own fsync'd transaction, alternating the two stores.
            newcomers = generate_people(saves, seed=23, source=people_source)[0]
            saved = sb.durable_saves(sides, saves, seed=23, folder=work, newcomers=newcomers)
            fsyncs: list[float] = []
            for what, per_side in saved.items():
                fsyncs += per_side.pop("probe")
                stats = {label: summary_ms(v) for label, v in per_side.items()}
                for q in ("p50", "p95", "max"):
                    _put(out, f"save_{what}_{q}_ms_{size}", {k: v[q] for k, v in stats.items()})
            disk = summary_ms(fsyncs)
            out[f"disk_fsync_4k_p50_ms_{size}"] = disk["p50"]
            out[f"disk_fsync_4k_p95_ms_{size}"] = disk["p95"]
            out[f"save_samples_{size}"] = saves
            logger.info("%s: save update p95 %.2f ms (plain %.2f ms)", size,
                        out[f"save_update_p95_ms_{size}"],
                        out[f"save_update_p95_ms_{size}_plain"])  # fmt: skip

            # End-to-end workload: the same sequence on both stores, ABBA order.
            newcomers = generate_people(200, seed=31, source=people_source)[0]
            ops = sb.workload_ops(n, queries, newcomers, seed=31)
            runs = sb.workload(sides, ops, workload_rounds)
            medians = {k: statistics.median(v) for k, v in runs.items()}
            _put(out, f"workload_s_median_{size}", medians)
            out[f"workload_ratio_sqlcipher_over_plain_{size}"] = (
                medians["sqlcipher"] / medians["plain"]
            )
            out[f"workload_ratios_per_round_{size}"] = [
                round(a / b, 3) for a, b in zip(runs["sqlcipher"], runs["plain"], strict=True)
            ]
            out[f"workload_ops_{size}"] = len(ops)
            out[f"workload_rounds_{size}"] = workload_rounds
            logger.info("%s: workload %.2f s vs %.2f s plain", size,
                        medians["sqlcipher"], medians["plain"])  # fmt: skip
        finally:
            for side in sides:
                side.store.close()
    return out
