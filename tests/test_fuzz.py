"""1,000 seeded hostile inputs over every input kind (text, HTML, JSON Lines, feeds, WARC,
binary; a third mutated at the byte level) through loaders, coder, writers and a store:
no traceback, no input over the hang limit, memory bounded. ``make fuzz`` runs 10,000."""
from __future__ import annotations

import os

from .fuzzing import HANG_SECONDS, MAX_RSS_MB, run

N = int(os.environ.get("CHRONIK_FUZZ_N", "1000"))


def test_fuzz_hostile_inputs():
    out = run(N, seed=int(os.environ.get("CHRONIK_FUZZ_SEED", "20261203")), max_big=30_000)
    print(out.summary())
    assert out.inputs == N and len(out.kinds) == 6
    assert not out.tracebacks, out.tracebacks[:3]
    assert not out.hangs, f"inputs over {HANG_SECONDS} s: {out.hangs[:3]}"
    assert out.peak_rss_mb < MAX_RSS_MB, out.summary()
    assert out.documents > N // 10, "the generator still yields codable articles"
    assert out.errors["E017"] > 0 and out.errors["E006"] > 0, out.summary()
