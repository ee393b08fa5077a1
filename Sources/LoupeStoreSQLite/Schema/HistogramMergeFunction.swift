import Foundation
import GRDB
import LoupeCore

/// `loupe_hist_merge(a, b)`: merges two encoded latency histograms inside an upsert, so adding a
/// batch to an existing rollup row needs no read-modify-write round trip. NULL when neither side
/// holds a histogram (time to first token, for rows of calls that stream nothing).
enum HistogramMergeFunction {
    static let function = DatabaseFunction("loupe_hist_merge", argumentCount: 2, pure: true) { values in
        let left = Data.fromDatabaseValue(values[0]).flatMap { LatencyHistogram(encoded: $0) }
        let right = Data.fromDatabaseValue(values[1]).flatMap { LatencyHistogram(encoded: $0) }
        switch (left, right) {
        case (var l?, let r?):
            l.merge(r)
            return Data(l.encoded())
        case (let l?, nil): return Data(l.encoded())
        case (nil, let r?): return Data(r.encoded())
        case (nil, nil): return nil
        }
    }
}
