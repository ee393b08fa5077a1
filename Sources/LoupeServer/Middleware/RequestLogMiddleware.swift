import Hummingbird
import Logging

/// One log line per API and dashboard request: method, path, status and duration.
///
/// OTLP ingest logs its own line, which also carries spans and project, and tallies refusals so that
/// an overload does not flood the log; this middleware leaves `/v1/traces` to it.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path != "/v1/traces" else { return try await next(request, context) }
        let started = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, status: response.status.code, started: started)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            log(request, status: status, started: started)
            throw error
        }
    }

    /// The path with an end user's id left out: erasing someone must not leave their id in the log.
    static func loggable(_ path: String) -> String {
        let canonical = AccessPolicy.canonical(path)
        return canonical.hasPrefix("/api/v1/users/") ? "/api/v1/users/{id}" + (canonical.hasSuffix("/export") ? "/export" : "") : path
    }

    private func log(_ request: Request, status: Int, started: ContinuousClock.Instant) {
        // Load balancers ask for /health every few seconds: worth a line only when debugging.
        logger.log(
            level: request.uri.path == "/health" ? .debug : .info,
            "\(request.method) \(Self.loggable(request.uri.path))",
            metadata: [
                "status": "\(status)",
                "duration_ms": "\((ContinuousClock.now - started).millisecondsText)",
            ])
    }
}
