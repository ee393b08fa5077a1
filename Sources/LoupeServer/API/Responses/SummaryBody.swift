import Hummingbird
import LoupeAnalytics
import LoupeStore

/// `GET /api/v1/summary`.
struct SummaryBody: ResponseEncodable, Sendable {
    var from: String
    var to: String
    var groupBy: [String]
    var grain: String
    /// The unit that fits the grouping: requests, calls or spans. Every group has all three.
    var unit: String
    var groups: [MeasuresBody]
    var totals: MeasuresBody

    init(_ report: SummaryReport) {
        from = Timestamps.format(nanos: report.query.range.fromNanos)
        to = Timestamps.format(nanos: report.query.range.toNanos)
        groupBy = report.query.groupBy.map(\.name)
        grain = report.grain.rawValue
        unit = report.unit.rawValue
        groups = report.groups.map(MeasuresBody.init)
        totals = MeasuresBody(report.totals)
    }

    enum CodingKeys: String, CodingKey {
        case from, to, grain, unit, groups, totals
        case groupBy = "group_by"
    }
}
