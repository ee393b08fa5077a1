import CompressNIO
import Foundation
import HTTPTypes
import Hummingbird
import LoupeAlerts
import LoupeAnalytics
import LoupeDashboard
import NIOCore

/// The web UI under `/ui/`, and `/` leading to it. Pages are HTML with a strict
/// Content-Security-Policy (scripts and styles only from Loupe's own assets, no inline code),
/// gzip-compressed when the browser accepts it.
struct DashboardRoutes: Sendable {
    typealias Context = LoupeRequestContext

    let dashboard: Dashboard
    let alerts: AlertEngine?
    let now: @Sendable () -> Int64

    static var securityHeaders: HTTPFields {
        [
            .contentSecurityPolicy: "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
            .xContentTypeOptions: "nosniff",
            HTTPField.Name("Referrer-Policy")!: "same-origin",
            .cacheControl: "no-store",
        ]
    }

    func addRoutes(to router: Router<Context>) {
        router.get("/") { _, _ in Response.redirect(to: "/ui/") }
        let ui = router.group("ui")
        ui.get("/") { request, context in await page(request, context) { try await $0.overview($1, nowNanos: $2) } }
        ui.get("traces") { request, context in await page(request, context) { try await $0.traces($1, nowNanos: $2) } }
        ui.get("traces/:trace_id") { request, context in
            let id = context.parameters.get("trace_id") ?? ""
            // A trace may hold 100,000 spans: laid out off the cooperative threads.
            return await withTaskExecutorPreference(ComputeExecutor.shared) {
                await page(request, context) { try await $0.trace(id: id, $1, nowNanos: $2) }
            }
        }
        ui.get("errors") { request, context in await page(request, context) { try await $0.errors($1, nowNanos: $2) } }
        ui.get("anomalies") { request, context in await page(request, context) { try await $0.anomalies($1, nowNanos: $2) } }
        ui.get("recommendations") { request, context in await page(request, context) { try await $0.recommendations($1, nowNanos: $2) } }
        ui.get("experiments") { request, context in await page(request, context) { try await $0.experiments($1, nowNanos: $2) } }
        ui.get("time") { request, context in await page(request, context) { try await $0.time($1, nowNanos: $2) } }
        ui.get("cost") { request, context in await page(request, context) { try await $0.cost($1, nowNanos: $2) } }
        ui.get("models") { request, context in await page(request, context) { try await $0.models($1, nowNanos: $2) } }
        ui.get("heatmap") { request, context in await page(request, context) { try await $0.heatmap($1, nowNanos: $2) } }
        ui.get("users") { request, context in await page(request, context) { try await $0.users($1, nowNanos: $2) } }
        ui.get("business") { request, context in await page(request, context) { try await $0.business($1, nowNanos: $2) } }
        ui.get("alerts") { request, context in await page(request, context) { try await $0.alerts($1, nowNanos: $2) } }
        ui.post("alerts/:id/:action") { request, context in
            try await alertAction(request, id: context.parameters.get("id") ?? "", action: context.parameters.get("action") ?? "")
        }
        ui.get("assets/:name") { request, context in
            guard let asset = DashboardAsset.named(context.parameters.get("name") ?? "") else {
                return html(dashboard.message(headline: "Not found", text: "There is no such asset.", nowNanos: now()), .notFound, request)
            }
            var response = Self.respond(asset.body, contentType: asset.contentType, status: .ok, request)
            response.headers[.cacheControl] = "public, max-age=300"
            return response
        }
    }

    /// The alerts page's buttons. A form post from another site is refused: browsers say where a
    /// request comes from (`Sec-Fetch-Site`, `Origin`), so a page elsewhere cannot silence an alert.
    private func alertAction(_ request: Request, id: String, action: String) async throws -> Response {
        guard !SameOrigin.isCrossSite(request) else {
            return html(dashboard.message(headline: "Refused", text: "Alerts can be changed from Loupe's own pages only.", nowNanos: now()),
                        .forbidden, request)
        }
        guard let alerts else {
            return html(dashboard.message(headline: "Alerting is off", text: "This server runs without alerts.", nowNanos: now()), .notFound, request)
        }
        let time = now()
        let result: AlertState?
        switch action {
        case "ack": result = try await alerts.acknowledge(id, by: "dashboard", atNanos: time)
        case "silence": result = try await alerts.silence(id, untilNanos: time + 7_200_000_000_000, atNanos: time)
        case "resolve": result = try await alerts.resolve(id, atNanos: time)
        default:
            return html(dashboard.message(headline: "Not found", text: "Alerts can be acknowledged, silenced or resolved.", nowNanos: time),
                        .notFound, request)
        }
        guard result != nil else {
            return html(dashboard.message(headline: "Not found", text: "There is no such alert any more.", nowNanos: time), .notFound, request)
        }
        // Post, redirect, get: a reload does not repeat the action.
        return Response(status: .seeOther, headers: [.location: "/ui/alerts"])
    }

    /// Renders a page from the URL's query, as the caller's key may see it (one project's key: that
    /// project only); a parameter it cannot use is a 400, a missing trace a 404.
    private func page(
        _ request: Request, _ context: Context, _ render: (Dashboard, [String: String], Int64) async throws -> String
    ) async -> Response {
        var parameters: [String: String] = [:]
        for (name, value) in request.uri.queryParameters { parameters[String(name)] = String(value) }
        let time = now()
        let dashboard = self.dashboard.restricted(to: context.grant?.project)
        do {
            return html(try await render(dashboard, parameters, time), .ok, request)
        } catch let error as DashboardError {
            let status: HTTPResponse.Status
            switch error {
            case .badParameter: status = .badRequest
            case .notFound: status = .notFound
            }
            return html(dashboard.message(headline: status == .notFound ? "Not found" : "This page cannot show that",
                                          text: error.description, nowNanos: time), status, request)
        } catch let error as AnalyticsError {
            return html(dashboard.message(headline: "This page cannot show that", text: error.description, nowNanos: time),
                        .badRequest, request)
        } catch {
            return html(dashboard.message(headline: "Something went wrong", text: "The store could not answer: \(error)", nowNanos: time),
                        .internalServerError, request)
        }
    }

    private func html(_ body: String, _ status: HTTPResponse.Status, _ request: Request) -> Response {
        Self.respond(body, contentType: "text/html; charset=utf-8", status: status, request)
    }

    /// A page or asset with the security headers, gzip-compressed when the browser accepts it.
    static func respond(_ body: String, contentType: String, status: HTTPResponse.Status, _ request: Request) -> Response {
        var headers = Self.securityHeaders
        headers[.contentType] = contentType
        headers[.vary] = "Accept-Encoding"
        var buffer = ByteBuffer(string: body)
        let accepts = request.headers[.acceptEncoding].map { $0.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("gzip") } } ?? false
        var source = buffer
        if accepts, buffer.readableBytes > 1_024, let compressed = try? source.compress(with: .gzip()) {
            buffer = compressed
            headers[.contentEncoding] = "gzip"
        }
        return Response(status: status, headers: headers, body: .init(byteBuffer: buffer))
    }
}
