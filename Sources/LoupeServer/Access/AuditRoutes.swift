import Foundation
import HTTPTypes
import Hummingbird
import LoupeAnalytics
import LoupeStore
import NIOCore

/// `/api/v1/audit` (admin): the trail a page at a time, its export as JSON lines, and its check.
struct AuditRoutes: Sendable {
    let store: any TelemetryStore
    let now: @Sendable () -> Int64

    func addRoutes(to router: Router<LoupeRequestContext>) {
        let api = router.group("api/v1/audit")
        api.get { request, _ in try await list(request) }
        api.get("export") { request, context in try await export(request, context) }
        api.get("verify") { request, _ in try await verify(request) }
    }

    private func list(_ request: Request) async throws -> AuditListBody {
        let p = try QueryParameters(request.uri, businessDimensions: [], allowed: ["from", "to", "after", "limit"])
        let limit = try p.int("limit", default: 500, range: 1...10_000)
        let after = try p.int("after", default: 0, range: 0...Int.max)
        let range = try p.range(now: now() + 1_000_000_000, defaultSeconds: 100 * 365 * 86_400)
        let entries = try await store.auditEntries(
            AuditQuery(afterSequence: Int64(after), fromNanos: range.fromNanos, toNanos: range.toNanos, limit: limit)
        )
        return AuditListBody(entries: entries.map(AuditEntryBody.init), next: entries.count == limit ? entries.last?.sequence : nil)
    }

    /// Every entry as one JSON object per line; the export itself is the trail's next entry.
    private func export(_ request: Request, _ context: LoupeRequestContext) async throws -> Response {
        _ = try QueryParameters(request.uri, businessDimensions: [], allowed: [])
        _ = try await store.appendAudit([AuditRecord(
            atNanos: now(), actor: context.actor, action: "audit.exported", target: "audit trail", client: context.clientAddress
        )])
        // Streamed a page at a time: a trail of every content read grows long.
        let body = ResponseBody { [store] writer in
            try await AuditExportLines.stream(store) { try await writer.write(ByteBuffer(bytes: $0)) }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/x-ndjson", .cacheControl: "no-store",
                .contentDisposition: "attachment; filename=\"loupe-audit.jsonl\"",
            ],
            body: body
        )
    }

    private func verify(_ request: Request) async throws -> AuditVerificationBody {
        let p = try QueryParameters(request.uri, businessDimensions: [], allowed: ["anchor"])
        var anchor: AuditAnchor?
        if let text = p.string("anchor") {
            guard let parsed = AuditAnchor(text) else {
                throw APIError.badParameter("anchor", "must be SEQUENCE:HASH as the verification's head gave it (42:9f86d0…)")
            }
            anchor = parsed
        }
        return AuditVerificationBody(try await store.verifyAuditTrail(anchor: anchor))
    }
}
