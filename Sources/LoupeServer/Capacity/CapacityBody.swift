import Hummingbird
import LoupeAnalytics

/// `GET /api/v1/capacity`: each configured rate limit against its model's use and forecast.
struct CapacityBody: ResponseEncodable, Sendable {
    struct Hour: Encodable, Sendable {
        var time: String
        var peakPerMinute: Double
        var peakUpperPerMinute: Double

        enum CodingKeys: String, CodingKey {
            case time
            case peakPerMinute = "peak_per_minute"
            case peakUpperPerMinute = "peak_upper_per_minute"
        }
    }

    struct Item: Encodable, Sendable {
        var model: String
        var provider: String?
        var limit: String
        var perMinute: Double
        var recentPeak: Double
        var peakFactor: Double
        var firstBreach: String?
        var breachHoursOfDay: [Int]
        var weekdaysOnly: Bool
        var summary: String
        var hours: [Hour]

        enum CodingKeys: String, CodingKey {
            case model, provider, limit, summary, hours
            case perMinute = "per_minute"
            case recentPeak = "recent_peak"
            case peakFactor = "peak_factor"
            case firstBreach = "first_breach"
            case breachHoursOfDay = "breach_hours_of_day_utc"
            case weekdaysOnly = "weekdays_only"
        }
    }

    var limits: [Item]

    init(_ reports: [CapacityReport]) {
        func time(_ seconds: Int64) -> String { Timestamps.format(nanos: seconds * 1_000_000_000) }
        limits = reports.map { r in
            Item(
                model: r.limit.model, provider: r.limit.provider, limit: r.kind.rawValue, perMinute: r.perMinute, recentPeak: r.recentPeak,
                peakFactor: r.peakFactor, firstBreach: r.firstBreach.map(time), breachHoursOfDay: r.breachHoursOfDay,
                weekdaysOnly: r.weekdaysOnly, summary: r.sentence,
                hours: r.hours.map { Hour(time: time($0.time), peakPerMinute: $0.peakPerMinute, peakUpperPerMinute: $0.peakUpperPerMinute) }
            )
        }
    }
}
