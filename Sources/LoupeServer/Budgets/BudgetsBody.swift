import Hummingbird
import LoupeAnalytics
import LoupeCore

/// `GET /api/v1/budgets`: every budget's state now.
struct BudgetsBody: ResponseEncodable, Sendable {
    struct Driver: Encodable, Sendable {
        var dimension: String
        var value: String
        var costUSD: Double

        enum CodingKeys: String, CodingKey {
            case dimension, value
            case costUSD = "cost_usd"
        }
    }

    struct Item: Encodable, Sendable {
        var name: String
        var amountUSD: Double
        var period: String
        var filters: [String: String]
        var periodStart: String
        var periodEnd: String
        var spentUSD: Double
        var spentShare: Double
        var projectedUSD: Double?
        var projectedLowerUSD: Double?
        var projectedUpperUSD: Double?
        var runOut: String?
        var state: String
        var drivers: [Driver]
        var forecastMethod: String?

        enum CodingKeys: String, CodingKey {
            case name, period, filters, state, drivers
            case amountUSD = "amount_usd"
            case periodStart = "period_start"
            case periodEnd = "period_end"
            case spentUSD = "spent_usd"
            case spentShare = "spent_share"
            case projectedUSD = "projected_usd"
            case projectedLowerUSD = "projected_lower_usd"
            case projectedUpperUSD = "projected_upper_usd"
            case runOut = "run_out"
            case forecastMethod = "forecast_method"
        }

        init(_ s: BudgetStatus) {
            func time(_ seconds: Int64) -> String { Timestamps.format(nanos: seconds * 1_000_000_000) }
            name = s.budget.name
            amountUSD = s.budget.amountUSD
            period = s.budget.period.rawValue
            filters = s.budget.filters
            periodStart = time(s.periodStart)
            periodEnd = time(s.periodEnd)
            spentUSD = s.spentUSD
            spentShare = s.spentShare
            projectedUSD = s.projectedUSD
            projectedLowerUSD = s.projectedLowerUSD
            projectedUpperUSD = s.projectedUpperUSD
            runOut = s.runOut.map(time)
            state = s.state.rawValue
            drivers = s.drivers.map { Driver(dimension: $0.dimension, value: $0.value, costUSD: $0.costUSD) }
            forecastMethod = s.forecastMethod
        }
    }

    var budgets: [Item]
}
