import Foundation
import LoupeCore
import LoupeStore

/// A span insert that failed after it may have partly landed.
///
/// ClickHouse writes an insert's span rows and then each materialized view's rows, with no
/// transaction around them: a server killed in between keeps spans that its rollups and trace parts
/// never counted. The exporter sends the spans again, the store finds them stored and steps aside,
/// and the counts would stay short for good. So each failed insert is noted, and once exporters'
/// retries have settled, the rollups of its minutes and the parts of its traces are rebuilt from the
/// spans stored (``ClickHouseTelemetryStore/repairInterruptedWrites(nowNanos:)``).
struct InterruptedWrite: Sendable, Equatable {
    var id: String
    var failedNanos: Int64
    /// The minutes of its spans, as whole ten-minute rows of the user grain: `fromMinute..<toMinute`.
    var fromMinute: Int64
    var toMinute: Int64
    /// Its traces; nil for every trace with a span in those minutes (when too many to list were noted).
    var traceIds: [String]?

    init(id: String = UUID().uuidString, failedNanos: Int64, fromMinute: Int64, toMinute: Int64, traceIds: [String]?) {
        self.id = id
        self.failedNanos = failedNanos
        self.fromMinute = fromMinute
        self.toMinute = toMinute
        self.traceIds = traceIds
    }

    /// The note for an insert of `spans`; nil when there were none.
    init?(spans: [SpanRecord], failedNanos: Int64) {
        let minutes = spans.map { UnixMinute.containing(nanos: $0.startNanos) }
        guard let first = minutes.min(), let last = minutes.max() else { return nil }
        self.init(
            failedNanos: failedNanos, fromMinute: RollupGrain.user.rowMinute(first), toMinute: RollupGrain.user.rowMinute(last) + 10,
            traceIds: Array(Set(spans.map(\.traceId))).sorted()
        )
    }

    init(row: ClickHouseRow) {
        self.init(
            id: row.string("id") ?? "", failedNanos: row.int("failed_ns") ?? 0, fromMinute: row.int("from_minute") ?? 0,
            toMinute: row.int("to_minute") ?? 0, traceIds: row.bool("every_trace") ? nil : row.strings("trace_ids")
        )
    }

    static let columns = "id, failed_ns, from_minute, to_minute, trace_ids, every_trace"

    func encode(into rows: inout JSONEachRowWriter) {
        rows.beginRow()
        rows.field("id", id)
        rows.field("failed_ns", failedNanos)
        rows.field("from_minute", fromMinute)
        rows.field("to_minute", toMinute)
        rows.field("trace_ids", traceIds ?? [])
        rows.field("every_trace", traceIds == nil)
        rows.endRow()
    }

    /// The minute ranges of `writes`, overlapping and touching ones joined, in order: each is rebuilt once.
    static func minuteRanges(_ writes: [InterruptedWrite]) -> [Range<Int64>] {
        var ranges: [Range<Int64>] = []
        for write in writes.sorted(by: { $0.fromMinute < $1.fromMinute }) {
            if let last = ranges.last, write.fromMinute <= last.upperBound {
                ranges[ranges.count - 1] = last.lowerBound..<max(last.upperBound, write.toMinute)
            } else {
                ranges.append(write.fromMinute..<write.toMinute)
            }
        }
        return ranges
    }
}
