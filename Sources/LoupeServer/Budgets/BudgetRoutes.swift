import Foundation
import Hummingbird
import LoupeAlerts
import LoupeAnalytics

/// Budgets under `/api/v1/budgets`: their state, and changes while the server runs (kept in
/// memory: the `--budgets` file is what a restart starts from); and `/api/v1/capacity`, the
/// rate limits of `--rate-limits` against use and forecast.
struct BudgetRoutes<Context: RequestContext>: Sendable {
    let analytics: TelemetryAnalytics
    let budgets: BudgetBook
    /// From `--rate-limits`, for `GET /api/v1/capacity`.
    let rateLimits: [RateLimit]
    let now: @Sendable () -> Int64

    func addRoutes(to router: Router<Context>) {
        router.get("api/v1/capacity") { _, _ in
            let time = now()
            var reports: [CapacityReport] = []
            for limit in rateLimits { reports += try await analytics.capacity(limit, nowNanos: time) }
            return CapacityBody(reports)
        }
        let api = router.group("api/v1/budgets")
        api.get { _, _ in try await list() }
        api.put(":name") { request, context in try await upsert(request, name: context.parameters.get("name") ?? "") }
        api.delete(":name") { _, context -> Response in
            let name = context.parameters.get("name") ?? ""
            guard await budgets.remove(name) else { throw APIError.notFound("no budget named '\(name)'") }
            return Response(status: .noContent)
        }
    }

    func list() async throws -> BudgetsBody {
        let time = now()
        var items: [BudgetsBody.Item] = []
        for budget in await budgets.budgets {
            items.append(BudgetsBody.Item(try await analytics.budgetStatus(budget, nowNanos: time)))
        }
        return BudgetsBody(budgets: items)
    }

    private func upsert(_ request: Request, name: String) async throws -> BudgetsBody {
        let body = try await request.body.collect(upTo: 1 << 20)
        let budget: Budget
        do {
            budget = try JSONDecoder().decode(Budget.self, from: Data(body.readableBytesView))
        } catch let error as DecodingError {
            throw APIError(status: .badRequest, message: "invalid budget: \(AlertRuleSet.describe(error))")
        } catch {
            throw APIError(status: .badRequest, message: "invalid budget: the body must be a JSON budget")
        }
        guard budget.name == name else {
            throw APIError(status: .badRequest, message: "the budget's name '\(budget.name)' differs from the one in the path '\(name)'")
        }
        do {
            try await budgets.upsert(budget)
        } catch {
            throw APIError(status: .badRequest, message: "invalid budget: \(error.description)")
        }
        return try await list()
    }
}
