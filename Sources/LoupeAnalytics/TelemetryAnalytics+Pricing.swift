import LoupeStore

extension TelemetryAnalytics {
    /// Models called in the range that have usage but no price, most calls first: their cost is unknown.
    public func unpricedModels(_ range: TimeRange) async throws -> [UnpricedModel] {
        guard range.toNanos > range.fromNanos else { throw AnalyticsError.emptyRange }
        return try await store.unpricedModels(fromNanos: range.fromNanos, toNanos: range.toNanos)
    }
}
