import LoupeAnalytics
import LoupeCore
import LoupeStore

/// What every page is asked for, read from its URL so that a view can be shared and reloaded:
/// a time range (a preset such as `range=1h`, or `from`/`to` in Unix seconds after a zoom) and
/// filters on dimensions (`service=…`, `model=…`, a business dimension…).
public struct DashboardQuery: Sendable, Hashable {
    /// The range presets the picker offers, in seconds.
    public static let presets: [(name: String, seconds: Int64)] = [
        ("15m", 900), ("1h", 3_600), ("6h", 21_600), ("24h", 86_400), ("7d", 604_800),
    ]
    public static let defaultPreset = "1h"
    /// Steps a chart may use; the smallest that keeps it under ``maxPoints`` wins.
    static let steps: [Int64] = [60, 300, 600, 1_800, 3_600, 10_800, 21_600, 86_400]
    static let maxPoints: Int64 = 90

    /// The preset in use, nil after a zoom to an absolute range.
    public var preset: String?
    public var range: TimeRange
    public var filters: [TelemetryDimension: String]
    /// Every parameter as it came, for links that keep the state (page parameters included).
    public var parameters: [String: String]

    /// - Parameters:
    ///   - parameters: the URL's query, decoded.
    ///   - dimensions: the dimensions a filter may name (built-in and business).
    ///   - pageParameters: other names this page accepts.
    public init(
        _ parameters: [String: String], dimensions: [TelemetryDimension], pageParameters: Set<String> = [], nowNanos: Int64
    ) throws(DashboardError) {
        let known = Set(dimensions.map(\.name)).union(["range", "from", "to"]).union(pageParameters)
        if let unknown = parameters.keys.sorted().first(where: { !known.contains($0) }) {
            throw .badParameter(unknown, "not a parameter of this page")
        }
        self.parameters = parameters.filter { !$0.value.isEmpty }
        var filters: [TelemetryDimension: String] = [:]
        for dimension in dimensions { if let value = self.parameters[dimension.name] { filters[dimension] = value } }
        self.filters = filters
        if let from = self.parameters["from"] {
            guard let fromSeconds = Int64(from), let to = Int64(self.parameters["to"] ?? ""), to > fromSeconds,
                fromSeconds > 0, to < Int64.max / 1_000_000_000
            else { throw .badParameter("from", "from and to must be Unix seconds with from before to") }
            preset = nil
            range = TimeRange(fromNanos: fromSeconds * 1_000_000_000, toNanos: to * 1_000_000_000)
        } else {
            let name = self.parameters["range"] ?? Self.defaultPreset
            guard let seconds = Self.presets.first(where: { $0.name == name })?.seconds else {
                throw .badParameter("range", "'\(name)' is not one of \(Self.presets.map(\.name).joined(separator: ", "))")
            }
            preset = name
            range = .last(seconds: seconds, now: nowNanos)
        }
    }

    /// The default view, for pages that say something without a query of their own.
    static func fallback(nowNanos: Int64) -> DashboardQuery {
        // The default parameters always parse; `try!` would hide nothing.
        guard let query = try? DashboardQuery([:], dimensions: [], nowNanos: nowNanos) else { preconditionFailure("default query") }
        return query
    }

    public var seconds: Int64 { (range.toNanos - range.fromNanos) / 1_000_000_000 }

    /// The range just before this one, of the same length: what headline changes compare against.
    public var previousRange: TimeRange {
        TimeRange(fromNanos: 2 * range.fromNanos - range.toNanos, toNanos: range.fromNanos)
    }

    /// A chart step (whole minutes, at most ``maxPoints`` steps over the range; ten minutes or more
    /// when `coarse`, for the per-user grain).
    public func stepSeconds(coarse: Bool = false) -> Int64 {
        let fitting = Self.steps.first { seconds / $0 <= Self.maxPoints } ?? Self.steps.last!
        return coarse ? max(600, fitting) : fitting
    }

    /// The filters outside `supported`, which a page that cannot apply them leaves out, and a
    /// sentence saying so (empty when there are none).
    public func unsupportedFilters(_ supported: Set<TelemetryDimension>) -> String {
        let names = filters.keys.filter { !supported.contains($0) }.map(\.name).sorted()
        guard !names.isEmpty else { return "" }
        return "Not applied on this page: \(names.joined(separator: ", ")) (this view cannot filter by \(names.count == 1 ? "it" : "them"))."
    }

    /// A link to another page: the range and filters carry over, this page's own parameters
    /// (`fingerprint`, `span`, `by`…) do not; then `changes` apply.
    public func link(to path: String, _ changes: [String: String?] = [:]) -> String {
        let shared = Set(["range", "from", "to"]).union(filters.keys.map(\.name))
        var carried: [String: String?] = [:]
        for name in parameters.keys where !shared.contains(name) { carried[name] = .some(nil) }
        return link(path, carried.merging(changes) { _, change in change })
    }

    /// This query's URL parameters with some replaced (nil removes one), encoded for a link to this page.
    public func link(_ path: String, _ changes: [String: String?] = [:]) -> String {
        var values = parameters
        for (name, value) in changes { values[name] = value }
        let query = values.sorted { $0.key < $1.key }.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }
        return query.isEmpty ? path : path + "?" + query.joined(separator: "&")
    }

    static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.append(Character(UnicodeScalar(byte)))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
