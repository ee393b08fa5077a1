import Foundation
import LoupeStore

/// A spending limit in USD for one day or one calendar month (UTC), over the spans its filters
/// select: a project, a service, a user or a business dimension value, or everything.
public struct Budget: Sendable, Hashable, Codable {
    public enum Period: String, Sendable, Hashable, Codable, CaseIterable {
        case daily
        case monthly
    }

    public var name: String
    public var amountUSD: Double
    public var period: Period
    /// Dimension name to value, as the API's filters: `{"project": "acme"}`, `{"user": "u-1"}`.
    public var filters: [String: String]

    public init(name: String, amountUSD: Double, period: Period, filters: [String: String] = [:]) {
        self.name = name
        self.amountUSD = amountUSD
        self.period = period
        self.filters = filters
    }

    enum CodingKeys: String, CodingKey {
        case name, period, filters
        case amountUSD = "amount_usd"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        amountUSD = try c.decode(Double.self, forKey: .amountUSD)
        period = try c.decodeIfPresent(Period.self, forKey: .period) ?? .monthly
        filters = try c.decodeIfPresent([String: String].self, forKey: .filters) ?? [:]
    }

    /// Why the budget cannot be used (a sentence to follow its name), or nil. `dimensions` are the names its filters may use.
    public func problem(dimensions: [String]) -> String? {
        guard !name.isEmpty, name.count <= 200 else { return "every budget needs a name of at most 200 characters" }
        guard amountUSD.isFinite, amountUSD > 0 else { return "amount_usd must be a positive number" }
        if let unknown = filters.keys.sorted().first(where: { !dimensions.contains($0) }) {
            return "'\(unknown)' is not a dimension; use \(dimensions.joined(separator: ", "))"
        }
        return nil
    }

    /// The dimension names a budget's filters may use: the built-in ones and the business dimensions.
    public static func dimensions(business: [String]) -> [String] { TelemetryDimension.builtIn.map(\.name) + business }

    /// The filters, as the analytics take them.
    public var filterDimensions: [TelemetryDimension: String] {
        Dictionary(uniqueKeysWithValues: filters.map { (TelemetryDimension($0.key), $0.value) })
    }

    /// The period holding `nanos`: its start and end, unix seconds (UTC days and calendar months).
    public func bounds(at nanos: Int64) -> (start: Int64, end: Int64) {
        let seconds = nanos / 1_000_000_000
        switch period {
        case .daily:
            let start = seconds - ((seconds % 86_400) + 86_400) % 86_400
            return (start, start + 86_400)
        case .monthly:
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let date = Date(timeIntervalSince1970: Double(seconds))
            let start = calendar.dateInterval(of: .month, for: date)!
            return (Int64(start.start.timeIntervalSince1970), Int64(start.end.timeIntervalSince1970))
        }
    }
}
