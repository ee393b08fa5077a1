import LoupeStore

/// A question the stored data cannot answer as asked; the message says what to change.
public enum AnalyticsError: Error, Sendable, Equatable, CustomStringConvertible {
    case dimensionsNotCombinable([TelemetryDimension])
    case emptyRange
    case tooManyPoints(Int, limit: Int)
    case stepFinerThanGrain(Int64)
    case tooManySeries(Int, points: Int, limit: Int)
    case badFilter(String, String)

    public var description: String {
        switch self {
        case .dimensionsNotCombinable(let dimensions):
            let names = dimensions.map(\.name).joined(separator: ", ")
            return "cannot group or filter by \(names) together: user is kept per service, operation, provider, model and status only; business dimensions are kept without user"
        case .badFilter(let name, let reason):
            return "\(name): \(reason)"
        case .emptyRange:
            return "the time range is empty: 'from' must be before 'to'"
        case .stepFinerThanGrain(let minutes):
            return "per-user figures are kept in \(minutes)-minute rows: use a step that is a multiple of \(minutes)m"
        case .tooManySeries(let groups, let points, let limit):
            return "the answer would hold more than \(groups) series of \(points) points (at most \(limit) points in all): filter, group by fewer dimensions, or use a larger step"
        case .tooManyPoints(let n, let limit):
            return "the time series would have \(n) points per group (at most \(limit)): use a larger step or a shorter range"
        }
    }
}
