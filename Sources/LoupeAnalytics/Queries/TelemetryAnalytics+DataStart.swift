import LoupeCore
import LoupeStore

extension TelemetryAnalytics {
    /// The first minute of the range with any span, from hourly then per-minute rollups; nil when none.
    ///
    /// The hours are read on clock boundaries, which stores keep hourly rows for; the first of them
    /// may hold data only before the range starts, so the minutes of each hour with data are read
    /// until one inside the range has some.
    func firstMinuteWithData(_ range: TimeRange, filters: [TelemetryDimension: String]) async throws -> Int64? {
        let firstHour = UnixMinute.floorDivide(range.fromMinute, 60) * 60
        let hours = try await buckets(TimeRange(fromNanos: firstHour * 60_000_000_000, toNanos: range.toNanos), stepSeconds: 3_600, filters: filters)
        for (index, hour) in hours.totals.enumerated() where hour.spans.count > 0 {
            let from = max(range.fromNanos, hours.time(ofStep: index) * 1_000_000_000)
            let to = min(range.toNanos, (hours.time(ofStep: index) + 3_600) * 1_000_000_000)
            guard to > from else { continue }
            let minutes = try await buckets(TimeRange(fromNanos: from, toNanos: to), stepSeconds: 60, filters: filters)
            if let first = minutes.totals.firstIndex(where: { $0.spans.count > 0 }) { return minutes.firstMinute + Int64(first) }
        }
        return nil
    }
}
