"""Expected values for InferenceTests, computed with scipy and statsmodels.

The samples are drawn by a 64-bit LCG that InferenceTests.Sample reproduces bit for bit, so no data
file is needed: u = (state >> 11) / 2**53 after state = state * 6364136223846793005 +
1442695040888963407 (mod 2**64); a latency is exp(mu + sigma * z), z by Box-Muller from two draws,
rounded to 0.1 ms so the ranks have ties as real timings do.
Run: python3 -m venv v && v/bin/pip install scipy statsmodels && v/bin/python inference_reference.py
"""

import math

import numpy as np
from scipy import optimize, stats
from statsmodels.stats.power import NormalIndPower
from statsmodels.stats.proportion import confint_proportions_2indep, proportions_ztest

MASK = 2**64 - 1


def r(x):
    return repr(float(x))


def latencies(seed, n, mu, sigma):
    state = seed
    out = []
    for _ in range(n):
        state = (state * 6364136223846793005 + 1442695040888963407) & MASK
        u1 = (state >> 11) / 2**53
        state = (state * 6364136223846793005 + 1442695040888963407) & MASK
        u2 = (state >> 11) / 2**53
        z = math.sqrt(-2 * math.log(1 - u1)) * math.cos(2 * math.pi * u2)
        out.append(round(math.exp(mu + sigma * z), 1))
    return out


control = latencies(7, 400, 6.0, 0.5)
treatment = latencies(11, 380, 5.9, 0.6)
print(f"sample sums: control={r(sum(control))} treatment={r(sum(treatment))}")

welch = stats.ttest_ind(treatment, control, equal_var=False)
ci = welch.confidence_interval(0.95)
print(f"welch: t={r(welch.statistic)} df={r(welch.df)} p={r(welch.pvalue)} ci=({r(ci.low)}, {r(ci.high)})")
small_a, small_b = [12.0, 15.5, 11.2, 19.8, 14.1], [22.3, 18.9, 25.1, 17.4, 21.0, 30.2, 19.9]
welch = stats.ttest_ind(small_b, small_a, equal_var=False)
ci = welch.confidence_interval(0.95)
print(f"welch small: t={r(welch.statistic)} df={r(welch.df)} p={r(welch.pvalue)} ci=({r(ci.low)}, {r(ci.high)})")

mw = stats.mannwhitneyu(treatment, control, alternative="two-sided", method="asymptotic")
print(f"mann-whitney: U={r(mw.statistic)} p={r(mw.pvalue)}")
mw = stats.mannwhitneyu([1, 2, 2, 3, 3, 3, 9], [2, 3, 4, 4, 5, 5], alternative="two-sided", method="asymptotic")
print(f"mann-whitney ties: U={r(mw.statistic)} p={r(mw.pvalue)}")

z, p = proportions_ztest([150, 120], [1010, 1000])
low, high = confint_proportions_2indep(150, 1010, 120, 1000, method="wald")
print(f"two proportions: z={r(z)} p={r(p)} ci=({r(low)}, {r(high)})")

for table in ([[3, 7], [9, 2]], [[0, 5], [4, 1]], [[10, 990], [3, 997]], [[5, 5], [5, 5]]):
    result = stats.fisher_exact(table)
    print(f"fisher {table}: odds={r(result.statistic)} p={r(result.pvalue)}")

for observed, weights in (([5120, 4880], [1, 1]), ([9050, 950], [9, 1]), ([3400, 3300, 3150], [1, 1, 1])):
    expected = np.array(weights) / sum(weights) * sum(observed)
    result = stats.chisquare(observed, expected)
    print(f"chisquare {observed}: stat={r(result.statistic)} p={r(result.pvalue)}")

# Power of a difference of means with a common sd: se = sd * sqrt(1/n1 + 1/n2). statsmodels gives the
# power; the detectable effect is the exact root of that same power function (brentq), because
# statsmodels' solve_power stops early (its answer has a power of 0.799994, not 0.8).
sd, n1, n2, diff = 120.0, 400, 380, 25.0
analysis = NormalIndPower()
power = analysis.power(effect_size=diff / sd, nobs1=n1, alpha=0.05, ratio=n2 / n1)
mde = optimize.brentq(lambda e: analysis.power(effect_size=e, nobs1=n1, alpha=0.05, ratio=n2 / n1) - 0.8, 0.01, 5, xtol=1e-15) * sd
units = (n1 + n2) * (mde / diff) ** 2
print(f"power: se={r(sd * math.sqrt(1 / n1 + 1 / n2))} power={r(power)} mde={r(mde)} units_needed={r(units)}")

print(f"t quantiles: {r(stats.t.ppf(0.975, 7.5))} {r(stats.t.ppf(0.025, 30))} {r(stats.t.ppf(0.999, 2000))}")
print(f"t two-sided p: {r(2 * stats.t.sf(2.1, 12.3))} {r(2 * stats.t.sf(4.5, 50000))}")
print(f"chi2 sf: {r(stats.chi2.sf(3.2, 1))} {r(stats.chi2.sf(250.0, 200))} {r(stats.chi2.sf(0.5, 4))}")
print(f"normal quantiles: {r(stats.norm.ppf(0.975))} {r(stats.norm.ppf(1e-9))} {r(stats.norm.ppf(0.8))}")

# ExperimentsTests' shipped treatment: 440 of 500 control requests succeed, 475 of 500 treatment ones.
z, p = proportions_ztest([475, 440], [500, 500])
low, high = confint_proportions_2indep(475, 500, 440, 500, method="wald")
print(f"experiment success: z={r(z)} p={r(p)} ci=({r(low)}, {r(high)})")

# LinearTrend, and ComplexityTests' four hourly scores (x in days): 2.5, 3.0, 3.5 and 5.0 per request.
fit = stats.linregress([0, 1, 2, 3, 4.5, 6], [1.2, 1.9, 3.2, 3.8, 5.1, 7.4])
print(f"linregress: slope={r(fit.slope)} intercept={r(fit.intercept)} r={r(fit.rvalue)} p={r(fit.pvalue)}")
fit = stats.linregress([0, 1 / 24, 2 / 24, 3 / 24], [2.5, 3.0, 3.5, 5.0])
print(f"complexity trend: slope={r(fit.slope)} p={r(fit.pvalue)}")

# SpearmanCorrelation: latency against satisfaction, with ties on both sides.
latency = [820, 1300, 450, 2900, 1300, 640, 5100, 980, 2200, 760, 3300, 1500]
score = [1, 0.75, 1, 0.25, 0.75, 1, 0, 0.75, 0.5, 1, 0.25, 0.5]
result = stats.spearmanr(latency, score)
print(f"spearman: rho={r(result.statistic)} p={r(result.pvalue)}")
