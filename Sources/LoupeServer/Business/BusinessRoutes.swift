import Hummingbird
import LoupeAnalytics
import LoupeCore
import LoupeStore

/// Business analytics under `/api/v1`: engagement (active users, new against returning, sessions,
/// retention cohorts), query complexity over time, retrieval quality with content gaps and
/// document use, and ROI by business unit.
struct BusinessRoutes<Context: RequestContext>: Sendable {
    let analytics: TelemetryAnalytics
    let businessDimensions: [String]
    let roiValues: RoiValues
    let now: @Sendable () -> Int64

    /// Days of activity one answer covers at most.
    static var maxDays: Int64 { 400 }

    func addRoutes(to router: Router<Context>) {
        let api = router.group("api/v1")
        api.get("engagement") { request, _ in try await engagement(request) }
        api.get("complexity") { request, _ in try await complexity(request) }
        api.get("retrieval") { request, _ in try await retrieval(request) }
        api.get("roi") { request, _ in try await roi(request) }
    }

    func retrieval(_ request: Request) async throws -> RetrievalBody {
        let p = try QueryParameters(request.uri, businessDimensions: [], allowed: ["from", "to", "project", "min_score", "gaps_by"])
        let range = try p.range(now: now(), defaultSeconds: 7 * 86_400)
        var minScore = 0.5
        if let text = p.string("min_score") {
            guard let value = Double(text), value.isFinite else { throw APIError.badParameter("min_score", "'\(text)' is not a number") }
            minScore = value
        }
        let dimension = p.string("gaps_by") ?? "query_category"
        guard businessDimensions.contains(dimension) else {
            throw APIError.badParameter("gaps_by", "'\(dimension)' is not a recorded business dimension: use one of \(businessDimensions.joined(separator: ", "))")
        }
        return RetrievalBody(try await analytics.retrieval(range, project: p.string("project"), minScore: minScore, gapDimension: dimension))
    }

    func roi(_ request: Request) async throws -> RoiBody {
        let p = try QueryParameters(request.uri, businessDimensions: [], allowed: ["from", "to", "project"])
        let range = try p.range(now: now(), defaultSeconds: 30 * 86_400)
        guard range.toNanos - range.fromNanos <= Self.maxDays * 86_400_000_000_000 else {
            throw APIError.badParameter("from", "ROI covers at most \(Self.maxDays) days at a time")
        }
        return RoiBody(try await analytics.roi(range, values: roiValues, project: p.string("project")))
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
