import LoupeStore

/// A question the stored data cannot answer as asked; the message says what to change.
public enum AnalyticsError: Error, Sendable, Equatable, CustomStringConvertible {
    case dimensionsNotCombinable([TelemetryDimension])
    case emptyRange
    case tooManyPoints(Int, limit: Int)

    public var description: String {
        switch self {
        case .dimensionsNotCombinable(let dimensions):
            let names = dimensions.map(\.name).joined(separator: ", ")
            return "cannot group or filter by \(names) together: user is kept per service, operation, provider, model and status only; business dimensions are kept without user"
        case .emptyRange:
            return "the time range is empty: 'from' must be before 'to'"
        case .tooManyPoints(let n, let limit):
            return "the time series would have \(n) points per group (at most \(limit)): use a larger step or a shorter range"
        }
    }
}
