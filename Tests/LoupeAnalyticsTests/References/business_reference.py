"""Expected values for RetrievalReportTests and RoiTests, computed with pandas.

Retrieval: five requests in the hour (billing kb-1 0.9 and kb-2 0.3, reranked to one document; billing
kb-1 0.8 with a thumbs down; billing kb-3 0.7; account with nothing found; account kb-4 0.3), and one billing
request in the hour before (0.6, 0.7). A request is of low relevance when it found nothing or its
best score is below 0.5; a content gap when low or disliked.
ROI: support x3 (one failed, one thumbed down), sales x1, research x1, each costing $0.01; values
support $1.20 and 6 minutes, sales 10 minutes at $60 an hour, default $0.50.
Run: python3 -m venv v && v/bin/pip install pandas && v/bin/python business_reference.py
"""

import pandas as pd

requests = pd.DataFrame([
    ("r1", "billing", [0.9, 0.3], 1, False),
    ("r2", "billing", [0.8], None, True),
    ("r3", "billing", [0.7], None, False),
    ("r4", "account", [], None, False),
    ("r5", "account", [0.3], None, False),
], columns=["trace", "category", "scores", "kept", "disliked"])
scored = requests.scores.map(lambda s: [x for x in s if x is not None])
requests["retrieved"] = requests.scores.map(len)
requests["top"] = scored.map(lambda s: max(s) if s else None)
requests["mean"] = scored.map(lambda s: sum(s) / len(s) if s else None)
requests["low"] = (requests.retrieved == 0) | (requests.top < 0.5)
requests["gap"] = requests.low | requests.disliked
requests["utilisation"] = requests.kept / requests.retrieved
print("overall: mean top", requests.top.mean(), "mean score", requests["mean"].mean(),
      "low share", requests.low.mean(), "utilisation", requests.utilisation.mean())
gaps = requests.groupby("category").agg(
    requests=("trace", "size"), gaps=("gap", "sum"), empty=("retrieved", lambda r: int((r == 0).sum())),
    disliked=("disliked", "sum"), top=("top", "mean"))
gaps["low_relevance"] = requests[requests.retrieved > 0].groupby("category").low.sum()
print(gaps.sort_values(["gaps", "category"], ascending=[False, True]))

documents = pd.DataFrame([("kb-1", 0.9), ("kb-2", 0.3), ("kb-1", 0.8), ("kb-3", 0.7), ("kb-4", 0.3)], columns=["id", "score"])
print(documents.groupby("id").score.agg(["size", "mean"]).sort_values("size", ascending=False))

outcomes = pd.DataFrame([
    ("support", True, False), ("support", False, True), ("support", False, False), ("sales", False, False), ("research", False, False),
], columns=["unit", "failed", "disliked"])
outcomes["cost"] = 0.01
outcomes["success"] = ~(outcomes.failed | outcomes.disliked)
value = {"support": 1.20, "sales": 10 * 60 / 60, "research": 0.50}
minutes = {"support": 6.0, "sales": 10.0}
roi = outcomes.groupby("unit").agg(requests=("unit", "size"), successful=("success", "sum"), cost=("cost", "sum"))
roi["value"] = [value[u] * n for u, n in zip(roi.index, roi.successful)]
roi["minutes"] = [minutes.get(u, float("nan")) * n for u, n in zip(roi.index, roi.successful)]
roi["net"] = roi.value - roi.cost
roi["roi"] = roi.net / roi.cost
roi["cost_per_success"] = roi.cost / roi.successful
print(roi)
print("total value", roi.value.sum(), "total cost per success", roi.cost.sum() / roi.successful.sum())
