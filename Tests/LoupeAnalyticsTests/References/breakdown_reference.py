"""Expected values for TelemetryAnalyticsBreakdownTests, computed with numpy.

Seven traces of one root operation: a root span covering embedding, retrieval and LLM children laid
end to end, plus a gap the children do not cover (unaccounted time). Trace 5 has no retrieval.
Percentiles are nearest rank (numpy method="inverted_cdf"), over the traces that have the stage;
shares are a stage's total time over all traces' time; means count a missing stage as zero.
Run: python3 breakdown_reference.py
"""

import numpy as np

embedding = [40, 42, 38, 55, 41, 39, 60]
retrieval = [15, 18, 12, 20, 0, 16, 14]
llm = [900, 1200, 850, 2000, 950, 1100, 3000]
gap = [30, 25, 40, 35, 20, 30, 50]
total = [sum(x) for x in zip(embedding, retrieval, llm, gap)]
all_ms = sum(total)

for name, values in [("llm", llm), ("unaccounted", gap), ("embedding", embedding), ("retrieval", retrieval)]:
    present = np.array([v for v in values if v > 0], dtype=float)
    print(f"{name}: share={sum(values) / all_ms!r} mean={sum(values) / len(values)!r} "
          f"p50={np.percentile(present, 50, method='inverted_cdf')!r} p95={np.percentile(present, 95, method='inverted_cdf')!r} "
          f"traces={len(present)}")
print(f"total: p50={np.percentile(total, 50, method='inverted_cdf')!r} p95={np.percentile(total, 95, method='inverted_cdf')!r}")
