import Foundation
import HTTPTypes
import Hummingbird
import LoupeDashboard
import LoupeStore

/// `/ui/login` and `/ui/logout`: a person opens the dashboard with a read or admin key and gets a
/// session cookie (``DashboardSessions``), and ends it. A read key of one project opens a
/// dashboard of that project only (``AccessMiddleware``).
struct LoginRoutes: Sendable {
    let dashboard: Dashboard
    /// Nil when the server runs with `--no-auth`: there is nothing to log in to.
    let keys: AccessKeys?
    let sessions: DashboardSessions
    let limiter: AuthFailureLimiter
    /// Whether cookies are marked Secure (the server speaks TLS).
    let secureCookies: Bool
    let now: @Sendable () -> Int64

    private struct LoginForm: Decodable {
        var key: String?
        var next: String?
    }

    func addRoutes(to router: Router<LoupeRequestContext>) {
        router.get("ui/login") { request, _ in
            guard keys != nil else { return Response.redirect(to: "/ui/", type: .found) }
            return page(request, next: Self.destination(request.uri.queryParameters.get("next")), error: nil, status: .ok)
        }
        router.post("ui/login") { request, context in try await login(request, context) }
        router.post("ui/logout") { request, _ in
            // Another site's page cannot log anyone out either.
            guard !SameOrigin.isCrossSite(request) else { return Response(status: .forbidden) }
            return Response(status: .seeOther, headers: [
                .location: keys == nil ? "/ui/" : "/ui/login", .setCookie: DashboardSessions.clearCookie(secure: secureCookies),
            ])
        }
    }

    private func login(_ request: Request, _ context: LoupeRequestContext) async throws -> Response {
        guard let keys else { return Response(status: .seeOther, headers: [.location: "/ui/"]) }
        let body = try await request.body.collect(upTo: 16 << 10)
        let form = (try? URLEncodedFormDecoder().decode(LoginForm.self, from: String(buffer: body))) ?? LoginForm()
        let next = Self.destination(form.next)
        let client = context.clientAddress, at = now()
        guard !limiter.isBlocked(client, nowNanos: at) else {
            return page(request, next: next, error: "Too many failed attempts from this address: try again in a minute.", status: .tooManyRequests)
        }
        guard SameOrigin.isCrossSite(request) == false else {
            return page(request, next: next, error: "Log in from Loupe's own login page.", status: .forbidden)
        }
        let text = (form.key ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard let grant = try await keys.grant(for: text) else {
            limiter.recordFailure(client, nowNanos: at)
            return page(request, next: next, error: "That key is not valid or was revoked.", status: .unauthorized)
        }
        guard grant.scope.allows(.read) else {
            return page(request, next: next, error: "An ingest key can only send telemetry: log in with a read or admin key.", status: .forbidden)
        }
        return Response(status: .seeOther, headers: [
            .location: next, .cacheControl: "no-store",
            .setCookie: DashboardSessions.setCookie(sessions.issue(keyId: grant.keyId, nowNanos: at), secure: secureCookies),
        ])
    }

    private func page(_ request: Request, next: String, error: String?, status: HTTPResponse.Status) -> Response {
        DashboardRoutes.respond(
            dashboard.login(next: next, error: error), contentType: "text/html; charset=utf-8", status: status, request
        )
    }

    /// Where to go after logging in: a dashboard path only, so the login page cannot be used to send
    /// someone to another site.
    static func destination(_ next: String?) -> String {
        guard let next, next.hasPrefix("/ui/"), !next.contains("\\"), !next.contains("://"),
            next.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7f })
        else { return "/ui/" }
        return next
    }
}
