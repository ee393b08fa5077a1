import Foundation
import HTTPTypes
import Hummingbird
import LoupeStore
import NIOCore

/// Lets a request through only with the rights its route needs (``AccessPolicy``): an API key in
/// `Authorization: Bearer …` or `x-loupe-api-key` (what `OTEL_EXPORTER_OTLP_HEADERS` sends), or
/// a dashboard session cookie.
///
/// - No credentials: 401, or the login page for a dashboard page.
/// - A key that is unknown, malformed or revoked, or a session that is forged, expired or whose key
///   was revoked: 401, counted against the client's address (``AuthFailureLimiter``).
/// - A key of a narrower scope: 403.
/// - A read key of one project: only the routes that filter by project
///   (``AccessPolicy/allowsOneProject(_:path:)``), their `project` set to the key's; 403 elsewhere.
/// - A state-changing request on a session that a browser says came from another site
///   (``SameOrigin``) is refused with 403, besides the cookie being SameSite=Strict.
///
/// Keys appear in no answer and no log line; only their ids do.
struct AccessMiddleware: RouterMiddleware {
    typealias Context = LoupeRequestContext

    /// Nil when the server runs with `--no-auth`: every request gets every right.
    let keys: AccessKeys?
    let sessions: DashboardSessions
    let policy: AccessPolicy
    let limiter: AuthFailureLimiter
    /// Whether cookies are marked Secure (the dashboard is served over https).
    let secureCookies: Bool
    /// Counts a refusal by reason (`missing`, `invalid`, `session`, `scope`, `cross_site`, `project`, `throttled`).
    let refused: @Sendable (String) -> Void
    let now: @Sendable () -> Int64
    /// Renders a refused dashboard page as a page of the dashboard (headline, sentence), for the
    /// viewer's project; nil answers pages with JSON like the API.
    var refusalPage: (@Sendable (_ project: String?, _ headline: String, _ text: String) -> String)? = nil

    private enum Credential {
        case key(String)
        case session(String)
        case none
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        guard let keys else {
            context.grant = .unauthenticated
            return try await next(request, context)
        }
        guard case .scope(let needed) = policy.requirement(request.method, path: request.uri.path) else {
            return try await next(request, context)
        }
        let client = context.clientAddress, at = now()
        // A failed key from an address that has failed too often is refused outright; a good key
        // still works there, so one misconfigured exporter behind a shared address locks out no one else.
        func failed(_ message: String) throws -> Response {
            if limiter.isBlocked(client, nowNanos: at) {
                refused("throttled")
                return try Self.refusal(request, context, .tooManyRequests, "too many failed authentications from this address: try again in a minute", retryAfter: 60)
            }
            refused("invalid")
            limiter.recordFailure(client, nowNanos: at)
            return try Self.refusal(request, context, .unauthorized, message)
        }
        let grant: AccessGrant
        switch Self.credential(request) {
        case .none:
            refused("missing")
            if Self.isPage(request) { return toLogin(request) }
            return try Self.refusal(request, context, 
                .unauthorized, "this endpoint needs an API key: send it as 'Authorization: Bearer <key>' or in the 'x-loupe-api-key' header"
            )
        case .key(let text):
            guard let found = try await keys.grant(for: text) else { return try failed("the API key is not valid or was revoked") }
            grant = found
        case .session(let cookie):
            // Not counted against the address: a session cannot be guessed (it is signed), and a tab
            // left open past its session's end would otherwise lock its own address out.
            guard let id = sessions.keyId(of: cookie, nowNanos: at), let found = try await keys.grant(forId: id) else {
                refused("session")
                if Self.isPage(request) { return toLogin(request) }
                return try Self.refusal(request, context, .unauthorized, "the dashboard session has ended or its key was revoked: log in again")
            }
            guard Self.isSafe(request.method) || !SameOrigin.isCrossSite(request) else {
                refused("cross_site")
                return try Self.refusal(request, context, .forbidden, "a change made with a dashboard session must come from the dashboard's own pages")
            }
            grant = found
        }
        guard grant.scope.allows(needed) else {
            refused("scope")
            return try forbidden(request, context, grant, "this key's scope is '\(grant.scope.rawValue)'; \(request.uri.path) needs '\(needed.rawValue)'")
        }
        context.grant = grant
        guard let project = grant.project, grant.scope == .read else { return try await next(request, context) }
        guard policy.allowsOneProject(request.method, path: request.uri.path) else {
            refused("project")
            return try forbidden(
                request, context, grant, "\(request.uri.path) covers every project, and this key reads project '\(project)' only"
            )
        }
        if let asked = request.uri.queryParameters.get("project"), asked != project {
            refused("project")
            return try forbidden(request, context, grant, "this key reads project '\(project)' only")
        }
        return try await next(Self.scoped(request, to: project), context)
    }

    /// The request with its `project` parameter set to `project`, whatever it said, so every route
    /// in ``AccessPolicy/allowsOneProject(_:path:)`` filters by it. The query is rebuilt as text:
    /// handed to `URLComponents`, a malformed escape (`?a=%`) stops the process.
    private static func scoped(_ request: Request, to project: String) -> Request {
        let kept = (request.uri.query ?? "").split(separator: "&").filter { item in
            let name = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            return (String(name).removingPercentEncoding ?? String(name)) != "project"
        }
        let value = project.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        var head = request.head
        head.path = request.uri.path + "?" + (kept.map(String.init) + ["project=" + value]).joined(separator: "&")
        return Request(head: head, body: request.body)
    }

    /// A 403: a page of the dashboard for a person opening one, JSON otherwise.
    private func forbidden(_ request: Request, _ context: Context, _ grant: AccessGrant, _ message: String) throws -> Response {
        guard Self.isPage(request), let refusalPage else { return try Self.refusal(request, context, .forbidden, message) }
        var response = DashboardRoutes.respond(
            refusalPage(grant.project, "Not with this key", message.prefix(1).uppercased() + message.dropFirst() + "."),
            contentType: "text/html; charset=utf-8", status: .forbidden, request
        )
        response.headers[.cacheControl] = "no-store"
        return response
    }

    private static func credential(_ request: Request) -> Credential {
        if let key = request.headers[.authorization].flatMap(AccessKeyText.bearer) { return .key(key) }
        if let key = request.headers[HTTPField.Name("x-loupe-api-key")!] { return .key(key.trimmingCharacters(in: .whitespaces)) }
        // Ingest never takes a cookie: exporters have no session, and a browser must not post spans.
        if !AccessPolicy.canonical(request.uri.path).hasPrefix("/v1/"), let cookie = DashboardSessions.cookie(in: request.headers[.cookie]) {
            return .session(cookie)
        }
        return .none
    }

    private static func isSafe(_ method: HTTPRequest.Method) -> Bool { method == .get || method == .head }

    /// A dashboard page a person opens: sent to the login page rather than answered with JSON.
    private static func isPage(_ request: Request) -> Bool {
        let path = AccessPolicy.canonical(request.uri.path)
        return isSafe(request.method) && (path == "/ui" || path.hasPrefix("/ui/"))
    }

    private func toLogin(_ request: Request) -> Response {
        let next = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
        let escaped = next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "%2Fui%2F"
        // An ended session's cookie goes too, so the browser stops sending it.
        return Response(status: .seeOther, headers: [
            .location: "/ui/login?next=" + escaped, .cacheControl: "no-store", .setCookie: DashboardSessions.clearCookie(secure: secureCookies),
        ])
    }

    private static func refusal(
        _ request: Request, _ context: Context, _ status: HTTPResponse.Status, _ message: String, retryAfter: Int? = nil
    ) throws -> Response {
        var response = try APIError(status: status, message: message).response(from: request, context: context)
        response.headers[.cacheControl] = "no-store"
        if status == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer realm=\"loupe\"" }
        if let retryAfter { response.headers[.retryAfter] = String(retryAfter) }
        return response
    }
}
