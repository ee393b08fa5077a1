import Foundation
import LoupeCore
import LoupeStore

extension TelemetryAnalytics {
    /// A rate limit against the model's use: the busiest minute of the last day, and the hourly
    /// forecast of the next week (``forecast(_:)``) scaled by how much busier an hour's busiest
    /// minute runs than its average, so "you will hit the gpt-4o TPM limit at about 14:00 on
    /// weekdays" is read from the hours whose expected busiest minute reaches the limit. With
    /// `project`, that project's use only: its share of a limit the account shares.
    public func capacity(_ limit: RateLimit, project: String? = nil, nowNanos: Int64) async throws -> [CapacityReport] {
        var filters = limit.filters
        if let project { filters[.project] = project }
        let day = TimeRange(fromNanos: (nowNanos / 60_000_000_000 - 1_440) * 60_000_000_000, toNanos: nowNanos / 60_000_000_000 * 60_000_000_000)
        let minutes = try await buckets(day, stepSeconds: 60, filters: filters).totals
        var reports: [CapacityReport] = []
        for (kind, perMinute) in [(CapacityReport.Kind.tokens, limit.tokensPerMinute), (.requests, limit.requestsPerMinute)] {
            guard let perMinute else { continue }
            func value(_ m: UnitMeasures) -> Double { kind == .tokens ? Double(m.spans.totalTokens) : Double(m.calls.count) }
            let values = minutes.map(value)
            let factor = Self.peakFactor(values)
            let forecast = try await forecast(ForecastQuery(
                metric: kind == .tokens ? .tokens : .requests, horizonSeconds: 7 * 86_400, filters: filters, nowNanos: nowNanos
            )).series.first
            let hours = (forecast?.points ?? []).map { p in
                CapacityReport.Hour(time: p.time, peakPerMinute: p.mean / 60 * factor, peakUpperPerMinute: p.upper / 60 * factor)
            }
            let breaches = hours.filter { $0.peakPerMinute >= perMinute }
            let hoursOfDay = Set(breaches.map { Int(($0.time % 86_400) / 3_600) }).sorted()
            // 1970-01-01 was a Thursday: day 0 is Thursday, so weekends are days 2 and 3 of the week.
            let weekdaysOnly = !breaches.isEmpty && breaches.allSatisfy { ![2, 3].contains(($0.time / 86_400) % 7) }
            var report = CapacityReport(
                limit: limit, kind: kind, perMinute: perMinute, recentPeak: values.max() ?? 0, peakFactor: factor, hours: hours,
                firstBreach: breaches.first?.time, breachHoursOfDay: hoursOfDay, weekdaysOnly: weekdaysOnly, sentence: ""
            )
            report.sentence = Self.sentence(report, forecast: forecast?.forecast != nil)
            reports.append(report)
        }
        return reports
    }

    /// The median, over hours with traffic, of the busiest minute over the average minute; at least 1.
    static func peakFactor(_ minutes: [Double]) -> Double {
        var ratios: [Double] = []
        for start in stride(from: 0, to: minutes.count, by: 60) {
            let hour = minutes[start..<min(start + 60, minutes.count)]
            let mean = hour.reduce(0, +) / Double(hour.count)
            if hour.count == 60, mean > 0, let peak = hour.max() { ratios.append(peak / mean) }
        }
        guard !ratios.isEmpty else { return 1 }
        ratios.sort()
        return max(1, ratios[ratios.count / 2])
    }

    static func sentence(_ r: CapacityReport, forecast: Bool) -> String {
        let name = "the \(r.limit.model) \(r.kind.rawValue.uppercased()) limit (\(Int(r.perMinute)) a minute)"
        let recent = String(format: "busiest minute of the last day %.0f (%.0f%%)", r.recentPeak, r.recentPeak / r.perMinute * 100)
        guard forecast else { return "\(recent) of \(name); too little history to forecast" }
        guard let first = r.firstBreach else {
            let peak = r.hours.max { $0.peakPerMinute < $1.peakPerMinute }
            let at = peak.map { String(format: " at about %02d:00 UTC", ($0.time % 86_400) / 3_600) } ?? ""
            return "stays under \(name) for the next 7 days: expected busiest minute "
                + String(format: "%.0f (%.0f%%)", peak?.peakPerMinute ?? 0, (peak?.peakPerMinute ?? 0) / r.perMinute * 100) + at + "; \(recent)"
        }
        let hours = r.breachHoursOfDay.map { String(format: "%02d:00", $0) }
        let when = hours.count <= 3 ? hours.joined(separator: ", ") : "\(hours.first!)–\(hours.last!)"
        let date = Date(timeIntervalSince1970: Double(first)).formatted(.iso8601.year().month().day())
        return "will hit \(name) at about \(when) UTC\(r.weekdaysOnly ? " on weekdays" : ""), first on \(date); \(recent)"
    }
}
