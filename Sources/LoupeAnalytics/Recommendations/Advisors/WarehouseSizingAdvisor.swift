import Foundation
import LoupeCore
import LoupeStore

/// Snowflake Cortex calls run on a warehouse larger than they need. Snowflake recommends a
/// warehouse no larger than MEDIUM for Cortex AI functions, because a larger one does not make
/// them faster; it only burns credits per second while the query runs. Credits per query are put
/// against latency per size, so the evidence shows whether the size bought any speed.
public struct WarehouseSizingAdvisor: RecommendationAdvisor {
    /// Credits per hour of a standard warehouse, by size.
    public static let creditsPerHour: [String: Double] = [
        "X-SMALL": 1, "XSMALL": 1, "SMALL": 2, "MEDIUM": 4, "LARGE": 8, "X-LARGE": 16, "XLARGE": 16, "2X-LARGE": 32, "XXLARGE": 32,
        "3X-LARGE": 64, "XXXLARGE": 64, "4X-LARGE": 128, "X4LARGE": 128, "5X-LARGE": 256, "6X-LARGE": 512,
    ]
    public var minimumCalls = 10

    public init() {}

    public var kinds: [Recommendation.Kind] { [.warehouseSizing] }

    public func recommendations(_ input: RecommendationInput) -> [Recommendation] {
        let cortex = input.sample.calls.filter { $0.provider == "snowflake.cortex" && $0.snowflakeWarehouseSize != nil }
        let medium = Self.creditsPerHour["MEDIUM"]!
        return Dictionary(grouping: cortex) { [$0.service, $0.snowflakeWarehouseSize ?? ""] }.compactMap { key, calls -> Recommendation? in
            guard calls.count >= minimumCalls, let rate = Self.creditsPerHour[key[1]], rate > medium else { return nil }
            let hours = calls.map(\.durationMs).reduce(0, +) / 3_600_000
            // Warehouse credits while the calls ran, at this size and at MEDIUM: an upper bound, as
            // concurrent queries share a running warehouse.
            let extraCredits = hours * (rate - medium)
            let allCortex = input.models.filter { $0.service == key[0] && $0.provider == "snowflake.cortex" }.map(\.calls.count).reduce(0, +)
            let scale = Double(allCortex) / Double(max(1, input.sampledCalls { $0.service == key[0] && $0.provider == "snowflake.cortex" }))
            let tokenCredits = calls.compactMap(\.costUSD).reduce(0, +) / input.creditPriceUSD
            let durations = calls.map(\.durationMs).sorted()
            return Recommendation(
                kind: .warehouseSizing, scope: ["service": key[0], "provider": "snowflake.cortex", "warehouse_size": key[1]],
                action: "Run \(key[0])'s Cortex calls on a MEDIUM (or smaller) warehouse instead of \(key[1])",
                reason: "Snowflake recommends no larger than MEDIUM for Cortex AI functions: a larger warehouse does not make them "
                    + "faster, it bills \(Figures.tokens(rate)) credits an hour instead of \(Figures.tokens(medium)) while they run.",
                evidence: [
                    .init("warehouse credits per query", String(format: "%.4f at %@, %.4f at MEDIUM", hours * rate / Double(calls.count), key[1], hours * medium / Double(calls.count))),
                    .init("token credits per query", String(format: "%.4f", tokenCredits / Double(calls.count))),
                    .init("latency p50 / p95", "\(Figures.ms(NearestRank.quantile(0.5, ofSorted: durations) ?? 0)) / \(Figures.ms(NearestRank.quantile(0.95, ofSorted: durations) ?? 0))"),
                    .init("calls", "\(calls.count) sampled"),
                    .init("saving", "at most: concurrent queries share a running warehouse"),
                ],
                exampleTraces: Array(calls.prefix(3).map(\.traceId)),
                monthlySavingUSD: input.monthly(extraCredits * max(1, scale) * input.creditPriceUSD),
                confidence: Recommendation.confidence(observations: Int64(calls.count), half: 20, clarity: 0.8)
            )
        }
    }
}
