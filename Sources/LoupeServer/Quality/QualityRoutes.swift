import Hummingbird
import LoupeAnalytics

/// `GET /api/v1/quality`: scores overall, by service, over time, by latency bucket, and their
/// correlation with latency and cost.
struct QualityRoutes<Context: RequestContext>: Sendable {
    let analytics: TelemetryAnalytics
    let now: @Sendable () -> Int64

    func addRoutes(to router: Router<Context>) {
        router.get("api/v1/quality") { request, _ in try await quality(request) }
    }

    func quality(_ request: Request) async throws -> QualityBody {
        let p = try QueryParameters(request.uri, businessDimensions: [], allowed: ["from", "to", "project", "name"])
        let range = try p.range(now: now(), defaultSeconds: 7 * 86_400)
        return QualityBody(try await analytics.quality(range, project: p.string("project"), name: p.string("name")))
    }
}
