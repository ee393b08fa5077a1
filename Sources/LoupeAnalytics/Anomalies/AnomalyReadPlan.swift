import LoupeCore

/// The steps of an anomaly query's history that its baselines can read: the trailing window
/// before the first scored step and the range itself, and, a day (or week) back from them, the
/// seasonal windows ``RobustBaseline`` takes around the same time. A one-hour range with three
/// days of history then reads about eight hours of rollups, not seventy-three; a long range,
/// whose windows cover the history anyway, reads it all.
struct AnomalyReadPlan: Sendable, Hashable {
    /// Half-open step ranges to read, sorted and disjoint.
    var windows: [Range<Int>]
    var stepCount: Int

    /// Read everything unless the windows save this much.
    static let worthwhile = 0.7

    init(stepCount: Int, scoredFrom: Int, calendar: RobustBaseline.Calendar, windowed: Bool = true) {
        self.stepCount = stepCount
        guard windowed else {
            windows = [0..<stepCount]
            return
        }
        let first = max(0, scoredFrom)
        var needed = [max(0, first - RobustBaseline.trailingWindow)..<stepCount]
        for period in [calendar.stepsPerWeek, calendar.stepsPerDay] where period > 0 {
            for back in stride(from: period, to: stepCount, by: period) {
                let low = max(0, first - back - RobustBaseline.seasonalHalfWidth)
                let high = min(stepCount, stepCount - back + RobustBaseline.seasonalHalfWidth)
                if low < high { needed.append(low..<high) }
            }
        }
        needed.sort { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for window in needed {
            if let last = merged.last, window.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, window.upperBound)
            } else {
                merged.append(window)
            }
        }
        windows = merged
    }

    /// Whether reading only the windows is worth it; otherwise the whole history is one window.
    var isPartial: Bool {
        Double(windows.reduce(0) { $0 + $1.count }) < Self.worthwhile * Double(stepCount)
    }

    /// Which steps are read.
    var known: [Bool] {
        var known = [Bool](repeating: !isPartial, count: stepCount)
        if isPartial { for window in windows { for i in window { known[i] = true } } }
        return known
    }
}
