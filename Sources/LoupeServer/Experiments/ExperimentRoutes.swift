import Hummingbird
import LoupeAnalytics
import LoupeStore

/// `GET /api/v1/experiments`, `GET /api/v1/experiments/{name}`, and `GET /api/v1/compare`, which
/// compares models, prompt versions or dimension values without a declared experiment.
struct ExperimentRoutes<Context: RequestContext>: Sendable {
    let analytics: TelemetryAnalytics
    let businessDimensions: [String]
    let now: @Sendable () -> Int64

    func addRoutes(to router: Router<Context>) {
        let api = router.group("api/v1/experiments")
        api.get { request, _ in try await list(request) }
        api.get(":name") { request, context in try await report(request, name: context.parameters.get("name") ?? "") }
        router.get("api/v1/compare") { request, _ in try await compare(request) }
    }

    func compare(_ request: Request) async throws -> ExperimentReportBody {
        let p = try QueryParameters(request.uri, businessDimensions: [], allowed: ["from", "to", "project", "by", "service", "control", "alpha"])
        guard let by = p.string("by") else {
            throw APIError.badParameter("by", "say what to compare: by=model, by=prompt_version or a business dimension")
        }
        let query = ExperimentQuery.comparing(
            try Self.grouping(by, dimensions: businessDimensions), service: p.string("service"), range: try p.range(now: now(), defaultSeconds: ExperimentQuery.defaultRangeSeconds),
            project: p.string("project"), control: p.string("control"), alpha: try Self.alpha(p.string("alpha"))
        )
        guard let report = try await analytics.experimentReport(query) else {
            throw APIError.notFound("no request in the range records a \(by)\(p.string("service").map { " in service '\($0)'" } ?? "")")
        }
        return ExperimentReportBody(report)
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

    static func grouping(_ by: String, dimensions: [String]) throws(APIError) -> ArmGrouping {
        do throws(AnalyticsError) {
            return try ExperimentQuery.grouping(parsing: by, dimensions: dimensions)
        } catch {
            throw APIError(error)
        }
    }

    static func alpha(_ text: String?) throws(APIError) -> Double {
        guard let text else { return 0.05 }
        guard let alpha = Double(text), ExperimentQuery.isValidAlpha(alpha) else { throw .badParameter("alpha", "'\(text)' is not a significance level between 0 and 0.5") }
        return alpha
    }
}
