"""Reference values for HoltWintersTests: statsmodels' additive Holt-Winters with fixed smoothing
parameters and a known initial state, so the test checks the recursion, not an optimiser.

Forecasts are computed from statsmodels' final states with the textbook formula
(Hyndman & Athanasopoulos, FPP3 §8.3: ŷ[T+h] = l[T] + h b[T] + s[T+h−m(k+1)], k = ⌊(h−1)/m⌋).
statsmodels' own `forecast` differs at h ≡ 0 (mod m): there it takes the seasonal term of one cycle
earlier (s[T−m]) instead of the one just updated (s[T]); Loupe follows the textbook.

Run: python3 -m venv /tmp/sm && /tmp/sm/bin/pip install statsmodels
     /tmp/sm/bin/python Tests/LoupeCoreTests/Statistics/References/holt_winters.py"""
import numpy as np
from statsmodels.tsa.holtwinters import ExponentialSmoothing

y = np.array([10.0, 14.0, 8.0, 25.0, 16.0, 22.0, 14.0, 35.0, 15.0, 27.0, 18.0, 40.0, 28.0, 40.0, 25.0, 65.0])
m = 4
model = ExponentialSmoothing(
    y, trend="add", seasonal="add", seasonal_periods=m, initialization_method="known",
    initial_level=12.0, initial_trend=1.5, initial_seasonal=[-3.0, 1.0, -5.0, 9.0],
)
fit = model.fit(smoothing_level=0.4, smoothing_trend=0.2, smoothing_seasonal=0.3, optimized=False)
print("fitted", [round(float(v), 10) for v in fit.fittedvalues])
level, trend, season = fit.level[-1], fit.trend[-1], fit.season[-m:]
print("level", round(float(level), 10), "trend", round(float(trend), 10))
print("forecast", [round(float(level + h * trend + season[(h - 1) % m]), 10) for h in range(1, 7)])
print("statsmodels forecast", [round(float(v), 10) for v in fit.forecast(6)])
