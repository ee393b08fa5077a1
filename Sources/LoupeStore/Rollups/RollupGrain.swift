import LoupeCore

/// One grouping set that rollups are kept at.
///
/// Keeping every dimension in one key would multiply rows (users × models × business labels), and
/// a one-hour summary would then read hundreds of thousands of them. Instead each span lands in a few
/// small grouping sets and a query reads the smallest one that covers what it groups and filters by.
public enum RollupGrain: String, Sendable, Hashable, CaseIterable {
    /// Service, operation, provider, model, status and error category: what dashboards ask most.
    case core
    /// ``core`` plus the configured business dimensions.
    case business
    /// Per user, with the model and operation they used.
    case user

    /// Minutes one row covers. Users are many and active every minute, so per-minute user rows
    /// would outnumber spans; ten-minute rows keep a day of them small enough to sum quickly.
    public var resolutionMinutes: Int64 {
        self == .user ? 10 : 1
    }

    /// The start of the row that `minute` falls in.
    public func rowMinute(_ minute: Int64) -> Int64 {
        UnixMinute.floorDivide(minute, resolutionMinutes) * resolutionMinutes
    }

    /// Built-in dimensions this grain keys on (``business`` also keys on every business dimension).
    public var builtInDimensions: Set<TelemetryDimension> {
        switch self {
        case .core, .business: return [.project, .service, .operation, .provider, .model, .status, .errorCategory]
        case .user: return [.project, .service, .operation, .provider, .model, .status, .user]
        }
    }

    /// The cheapest grain able to answer a query over these dimensions, or nil when none keys on all of them.
    public static func covering(_ dimensions: Set<TelemetryDimension>) -> RollupGrain? {
        let business = dimensions.contains { !$0.isBuiltIn }
        for grain in allCases {
            let builtIn = dimensions.filter(\.isBuiltIn)
            guard builtIn.isSubset(of: grain.builtInDimensions) else { continue }
            if business && grain != .business { continue }
            return grain
        }
        return nil
    }
}
