import Foundation
import Hummingbird
import HummingbirdCore
import LoupeAnalytics
import LoupeCore
import LoupeStore

/// Parses and validates the query string of an API request; every mistake is a 400 naming the parameter.
struct QueryParameters: Sendable {
    private let values: [String: String]
    private let businessDimensions: [String]

    init(_ uri: URI, businessDimensions: [String], allowed: Set<String>) throws(APIError) {
        var values: [String: String] = [:]
        for (key, value) in uri.queryParameters {
            let name = String(key)
            let isDimension = Self.dimension(named: name, business: businessDimensions) != nil
            guard allowed.contains(name) || isDimension else {
                let accepted = (allowed.sorted() + ["<dimension>=<value>"]).joined(separator: ", ")
                throw .badParameter(name, "unknown parameter; this endpoint takes \(accepted)")
            }
            values[name] = String(value)
        }
        self.values = values
        self.businessDimensions = businessDimensions
    }

    func string(_ name: String) -> String? { values[name].flatMap { $0.isEmpty ? nil : $0 } }

    /// `from`/`to` as RFC 3339 or unix seconds; by default the hour before now.
    func range(now: Int64, defaultSeconds: Int64 = 3_600) throws(APIError) -> TimeRange {
        let to = try time("to") ?? now
        let from = try time("from") ?? (to - defaultSeconds * 1_000_000_000)
        guard from < to else { throw .badParameter("from", "must be before 'to'") }
        return TimeRange(fromNanos: from, toNanos: to)
    }

    func groupBy() throws(APIError) -> [TelemetryDimension] {
        guard let text = string("group_by") else { return [] }
        var result: [TelemetryDimension] = []
        for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let dimension = Self.dimension(named: name, business: businessDimensions) else {
                throw .badParameter("group_by", "unknown dimension '\(name)'; use \(knownDimensions)")
            }
            if !result.contains(dimension) { result.append(dimension) }
        }
        return result
    }

    /// Every `<dimension>=<value>` parameter.
    func filters() -> [TelemetryDimension: String] {
        var result: [TelemetryDimension: String] = [:]
        for (name, value) in values {
            if let dimension = Self.dimension(named: name, business: businessDimensions) { result[dimension] = value }
        }
        return result
    }

    func int(_ name: String, default fallback: Int, range: ClosedRange<Int>) throws(APIError) -> Int {
        guard let text = string(name) else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw .badParameter(name, "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// An optional number that must be finite and not negative (a minimum duration or cost).
    func nonNegative(_ name: String) throws(APIError) -> Double? {
        guard let text = string(name) else { return nil }
        guard let value = Double(text), value.isFinite, value >= 0 else { throw .badParameter(name, "must be a number of at least 0") }
        return value
    }

    /// A duration like `30m`, `7d`, within `range` seconds; nil when not given.
    func duration(_ name: String, in range: ClosedRange<Int64>) throws(APIError) -> Int64? {
        guard let text = string(name) else { return nil }
        guard let seconds = DurationText.seconds(text), range.contains(seconds) else {
            throw .badParameter(name, "'\(text)' is not a duration from \(DurationText.format(range.lowerBound)) to \(DurationText.format(range.upperBound))")
        }
        return seconds
    }

    /// A step like `1m`, `5m`, `1h`: whole minutes, since rollups are per minute.
    func step(default fallback: Int64 = 60) throws(APIError) -> Int64 {
        guard let text = string("step") else { return fallback }
        guard let seconds = DurationText.seconds(text), seconds % 60 == 0 else {
            throw .badParameter("step", "'\(text)' is not a whole number of minutes (e.g. 1m, 5m, 1h)")
        }
        return seconds
    }

    /// `metric` and `unit`. The metric names `requests`, `calls` and `spans` are counts in that
    /// unit; other metrics are in `unit`, else in the unit that fits the grouping (nil here).
    func metricAndUnit() throws(APIError) -> (TimeseriesMetric, CountUnit?) {
        let unit = try countUnit()
        let text = string("metric") ?? TimeseriesMetric.count.rawValue
        if let counted = CountUnit(rawValue: text) {
            if let unit, unit != counted { throw .badParameter("unit", "metric '\(text)' counts \(text), not \(unit.rawValue)") }
            return (.count, counted)
        }
        guard let metric = TimeseriesMetric(rawValue: text) else {
            let names = CountUnit.allCases.map(\.rawValue) + TimeseriesMetric.allCases.map(\.rawValue)
            throw .badParameter("metric", "unknown metric '\(text)'; use \(names.joined(separator: ", "))")
        }
        return (metric, unit)
    }

    /// `metric` as a comma-separated list of anomaly metrics; all of them when not given.
    func anomalyMetrics() throws(APIError) -> [AnomalyMetric] {
        let metrics: [AnomalyMetric] = try cases("metric")
        return metrics.isEmpty ? AnomalyMetric.allCases : metrics
    }

    /// The filters of a view that is scoped by project and service only; any other is refused.
    func projectAndService(for view: String) throws(APIError) -> [TelemetryDimension: String] {
        let filters = filters()
        if let other = filters.keys.sorted().first(where: { ![.project, .service].contains($0) }) {
            throw .badParameter(other.name, "\(view) can be filtered by project and service only")
        }
        return filters
    }

    /// `kind`: the recommendation kinds asked for, comma-separated; empty for all.
    func recommendationKinds() throws(APIError) -> Set<Recommendation.Kind> {
        Set(try cases("kind"))
    }

    /// A comma-separated list of names of an enumeration, in order, each once; empty when not given.
    private func cases<T: RawRepresentable & CaseIterable & Equatable>(_ name: String) throws(APIError) -> [T] where T.RawValue == String {
        var result: [T] = []
        for item in (string(name) ?? "").split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
            guard let value = T(rawValue: item) else {
                throw .badParameter(name, "unknown \(name) '\(item)'; use \(T.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if !result.contains(value) { result.append(value) }
        }
        return result
    }

    /// `unit`: requests, calls or spans; nil when not given.
    func countUnit() throws(APIError) -> CountUnit? {
        guard let text = string("unit") else { return nil }
        guard let unit = CountUnit(rawValue: text) else {
            throw .badParameter("unit", "unknown unit '\(text)'; use \(CountUnit.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return unit
    }

    func bool(_ name: String) throws(APIError) -> Bool? {
        guard let text = string(name) else { return nil }
        switch text.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw .badParameter(name, "must be true or false")
        }
    }

    private var knownDimensions: String {
        (TelemetryDimension.builtIn.map(\.name) + businessDimensions).joined(separator: ", ")
    }

    private func time(_ name: String) throws(APIError) -> Int64? {
        guard let text = string(name) else { return nil }
        if let nanos = Timestamps.parse(text) { return nanos }
        throw .badParameter(name, "'\(text)' is neither RFC 3339 (2026-11-21T10:00:00Z) nor unix seconds, between the years 1678 and 2261")
    }

    static func dimension(named name: String, business: [String]) -> TelemetryDimension? {
        let dimension = TelemetryDimension(name)
        return dimension.isBuiltIn || business.contains(name) ? dimension : nil
    }
}
