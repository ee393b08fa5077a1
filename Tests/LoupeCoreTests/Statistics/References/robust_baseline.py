"""Reference values for RobustBaselineTests: median and normal-scaled MAD with SciPy.
Run: python3 Tests/LoupeCoreTests/Statistics/References/robust_baseline.py"""
import numpy as np
from scipy.stats import median_abs_deviation

values = np.array([12.0, 15.5, 9.0, 14.0, 11.0, 13.5, 10.0, 12.5, 30.0, 11.5, 12.0])
print("median", np.median(values))
# Loupe scales by 1.4826, SciPy's 'normal' scale by 1/Phi^-1(3/4) = 1.482602...
print("mad*1.4826", median_abs_deviation(values, scale=1.0) * 1.4826)
print("mad normal", median_abs_deviation(values, scale="normal"))
