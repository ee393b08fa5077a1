import LoupeCore
import Synchronization

/// The last cumulative point of each metric series this server has read, so that the next one
/// becomes what happened in between.
///
/// A cumulative point counts everything since its series started. Loupe stores deltas, so it keeps
/// the previous point of each series:
/// - the next point of the same start is the difference;
/// - a point with another start, or with fewer values, is a series that restarted: it counts in full;
/// - the first point of a series that started after this server did counts in full (the server saw
///   its whole life); of one that started before, it is only the baseline, since what it counts may
///   have been stored before a restart.
///
/// The state lives in this process: a sender whose cumulative points are spread over several servers
/// should send deltas instead (`OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE=delta`), which need none.
final class CumulativeSeries: Sendable {
    private struct Last {
        var startNanos: Int64
        var timeNanos: Int64
        var histogram: MetricHistogram
    }

    private let state = Mutex<[MetricPoint.SeriesKey: Last]>([:])
    /// When this server started, in unix nanoseconds.
    private let startedNanos: Int64
    /// Series kept at most; past it, the half least recently seen are forgotten (their next point is a baseline again).
    private let capacity: Int

    init(startedNanos: Int64, capacity: Int = 100_000) {
        self.startedNanos = startedNanos
        self.capacity = capacity
    }

    /// What the point adds, and since when; nil when it adds nothing (a baseline, or a point seen already).
    func delta(of point: MetricPoint) -> (histogram: MetricHistogram, sinceNanos: Int64)? {
        guard point.isCumulative else { return (point.histogram, point.startNanos) }
        let key = point.seriesKey
        return state.withLock { series in
            let last = series[key]
            if let last, point.timeNanos <= last.timeNanos, point.startNanos == last.startNanos { return nil }
            if series.count >= capacity, last == nil { forgetOldest(&series) }
            series[key] = Last(startNanos: point.startNanos, timeNanos: point.timeNanos, histogram: point.histogram)
            if let last, last.startNanos == point.startNanos, let difference = point.histogram.since(last.histogram) {
                return (difference, last.timeNanos)
            }
            if last != nil || point.startNanos >= startedNanos { return (point.histogram, point.startNanos) }
            return nil
        }
    }

    private func forgetOldest(_ series: inout [MetricPoint.SeriesKey: Last]) {
        let cutoff = series.values.map(\.timeNanos).sorted()[series.count / 2]
        series = series.filter { $0.value.timeNanos > cutoff }
    }
}
