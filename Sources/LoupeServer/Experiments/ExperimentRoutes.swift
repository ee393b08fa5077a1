import Hummingbird
import LoupeAnalytics

/// `GET /api/v1/experiments` and `GET /api/v1/experiments/{name}`.
struct ExperimentRoutes<Context: RequestContext>: Sendable {
    let analytics: TelemetryAnalytics
    let now: @Sendable () -> Int64

    func addRoutes(to router: Router<Context>) {
        let api = router.group("api/v1/experiments")
        api.get { request, _ in try await list(request) }
        api.get(":name") { request, context in try await report(request, name: context.parameters.get("name") ?? "") }
    }

    func list(_ request: Request) async throws -> ExperimentListBody {
        let p = try QueryParameters(request.uri, businessDimensions: [], allowed: ["from", "to", "project"])
        let range = try p.range(now: now(), defaultSeconds: ExperimentQuery.defaultRangeSeconds)
        return ExperimentListBody(range: range, try await analytics.experiments(range, project: p.string("project")))
    }

    func report(_ request: Request, name: String) async throws -> ExperimentReportBody {
        let p = try QueryParameters(request.uri, businessDimensions: [], allowed: ["from", "to", "project", "control", "split", "alpha"])
        let query = ExperimentQuery(
            name: name, range: try p.range(now: now(), defaultSeconds: ExperimentQuery.defaultRangeSeconds), project: p.string("project"),
            control: p.string("control"), split: try Self.split(p.string("split")), alpha: try Self.alpha(p.string("alpha"))
        )
        guard let report = try await analytics.experimentReport(query) else {
            throw APIError.notFound("no request of experiment '\(name)' in the range: see GET /api/v1/experiments for the names")
        }
        return ExperimentReportBody(report)
    }

    static func split(_ text: String?) throws(APIError) -> [String: Double] {
        guard let text else { return [:] }
        do {
            return try ExperimentQuery.split(parsing: text)
        } catch .badFilter(_, let reason) {
            throw .badParameter("split", reason)
        } catch {
            throw .badParameter("split", error.description)
        }
    }

    static func alpha(_ text: String?) throws(APIError) -> Double {
        guard let text else { return 0.05 }
        guard let alpha = Double(text), ExperimentQuery.isValidAlpha(alpha) else { throw .badParameter("alpha", "'\(text)' is not a significance level between 0 and 0.5") }
        return alpha
    }
}
