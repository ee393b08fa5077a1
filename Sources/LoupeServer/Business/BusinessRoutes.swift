import Hummingbird
import LoupeAnalytics
import LoupeCore
import LoupeStore

/// Business analytics under `/api/v1`: engagement (active users, new against returning, sessions,
/// retention cohorts) and query complexity over time.
struct BusinessRoutes<Context: RequestContext>: Sendable {
    let analytics: TelemetryAnalytics
    let now: @Sendable () -> Int64

    /// Days of activity one answer covers at most.
    static var maxDays: Int64 { 400 }

    func addRoutes(to router: Router<Context>) {
        let api = router.group("api/v1")
        api.get("engagement") { request, _ in try await engagement(request) }
        api.get("complexity") { request, _ in try await complexity(request) }
    }

    func engagement(_ request: Request) async throws -> EngagementBody {
        let p = try QueryParameters(request.uri, businessDimensions: [], allowed: ["from", "to", "project"])
        let range = try p.range(now: now(), defaultSeconds: TelemetryAnalytics.defaultEngagementRangeSeconds)
        guard range.toNanos - range.fromNanos <= Self.maxDays * 86_400_000_000_000 else {
            throw APIError.badParameter("from", "engagement covers at most \(Self.maxDays) days at a time")
        }
        return EngagementBody(try await analytics.engagement(range, project: p.string("project")))
    }

    func complexity(_ request: Request) async throws -> ComplexityBody {
        // Every dimension parses as a filter, so that one complexity cannot apply is refused, not ignored.
        let p = try QueryParameters(request.uri, businessDimensions: [], allowed: ["from", "to", "step"])
        let range = try p.range(now: now(), defaultSeconds: 7 * 86_400)
        do {
            return ComplexityBody(try await analytics.complexity(range, stepSeconds: p.string("step") == nil ? nil : try p.step(), filters: p.filters()))
        } catch let error as AnalyticsError {
            throw APIError(error)
        }
    }
}
