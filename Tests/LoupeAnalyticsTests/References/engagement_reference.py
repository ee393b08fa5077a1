"""Expected values for EngagementTests, computed with pandas.

Twelve users over four weeks from Monday 2026-11-02 (the range), plus two who were first seen
before it. User i starts on day (2i mod 14), comes back every 1 + (i mod 4) days, and stops after
7 * (1 + i mod 3) days; on an active
day they send 1 + ((i + day) mod 3) requests, ten minutes apart from 09:00 UTC, each 2 s long, in
one session per user and day. old-a: days -10 and 3; old-b: days -40 and 20.
Weeks are Monday to Sunday; WAU and MAU are distinct users in the 7 and 30 days ending that day;
percentiles are nearest rank (numpy's inverted_cdf).
Run: python3 -m venv v && v/bin/pip install pandas && v/bin/python engagement_reference.py
"""

import numpy as np
import pandas as pd

D0 = pd.Timestamp("2026-11-02", tz="UTC")
rows = []
for i in range(12):
    day = (2 * i) % 14
    stop = min(28, day + 7 * (1 + i % 3))
    while day < stop:
        for j in range(1 + (i + day) % 3):
            rows.append((f"user-{i:02d}", day, j))
        day += 1 + i % 4
for user, days in (("old-a", (-10, 3)), ("old-b", (-40, 20))):
    for day in days:
        rows.append((user, day, 0))
frame = pd.DataFrame(rows, columns=["user", "day", "j"])
frame["start"] = [D0 + pd.Timedelta(days=d, hours=9, minutes=10 * j) for d, j in zip(frame.day, frame.j)]
frame["end"] = frame.start + pd.Timedelta(seconds=2)
frame["session"] = frame.user + "-" + frame.day.astype(str)

first = frame.groupby("user").day.min()
in_range = frame[(frame.day >= 0) & (frame.day < 28)]
per_day = []
for d in range(28):
    today = in_range[in_range.day == d]
    users = set(today.user)
    week = set(frame[(frame.day > d - 7) & (frame.day <= d)].user)
    month = set(frame[(frame.day > d - 30) & (frame.day <= d)].user)
    new = sum(1 for u in users if first[u] == d)
    per_day.append((len(users), new, len(today), len(week), len(month)))
print("days (active, new, requests, wau, mau):", per_day)
active = set(in_range.user)
new_users = {u for u in active if first[u] >= 0}
print(f"active={len(active)} new={len(new_users)} returning={len(active - new_users)}")
dau = np.mean([p[0] for p in per_day])
print(f"dau={dau!r} wau={per_day[-1][3]} mau={per_day[-1][4]} stickiness={dau / per_day[-1][4]!r}")

sessions = in_range.groupby("session").agg(requests=("j", "size"), start=("start", "min"), end=("end", "max"), user=("user", "first"))
lengths = (sessions.end - sessions.start).dt.total_seconds() * 1000
print(f"sessions={len(sessions)} per_user={len(sessions) / sessions.user.nunique()!r} "
      f"requests mean={sessions.requests.mean()!r} p50={np.percentile(sessions.requests, 50, method='inverted_cdf')!r} "
      f"p90={np.percentile(sessions.requests, 90, method='inverted_cdf')!r} "
      f"length p50={np.percentile(lengths, 50, method='inverted_cdf')!r} p90={np.percentile(lengths, 90, method='inverted_cdf')!r}")

frame["week"] = frame.day.apply(lambda d: (d + 7 * 1000) // 7 - 1000)  # D0 is a Monday: week 0 starts there
first_week = frame.groupby("user").week.min()
for week in range(4):
    members = [u for u in first_week.index if first_week[u] == week and first[u] >= 0]
    if not members:
        continue
    retained = [sum(1 for u in members if week + k in set(frame[frame.user == u].week)) / len(members) for k in range(4 - week)]
    print(f"cohort week {week}: users={len(members)} retained={retained}")
