import Foundation
import GRDB
import LoupeCore

/// `loupe_hist_merge_all(histogram)`: merges a column of encoded latency histograms, so a summary
/// over many minutes can collapse them inside SQLite instead of materialising every row in Swift.
struct HistogramMergeAggregate: DatabaseAggregate {
    static let function = DatabaseFunction("loupe_hist_merge_all", argumentCount: 1, pure: true, aggregate: Self.self)

    private var merged = LatencyHistogram()

    init() {}

    mutating func step(_ values: [DatabaseValue]) throws {
        guard case .blob(let data) = values[0].storage else { return }
        if let histogram = data.withUnsafeBytes({ LatencyHistogram(encodedBuffer: $0) }) { merged.merge(histogram) }
    }

    func finalize() throws -> (any DatabaseValueConvertible)? {
        Data(merged.encoded())
    }
}
