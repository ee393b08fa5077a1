import Foundation
import Hummingbird
import LoupeStore

/// `GET /api/v1/retention` (the policy in force and what it deleted) and `PUT /api/v1/retention`
/// (admin, audited: a new policy, applied by the next pass).
struct RetentionRoutes: Sendable {
    let retention: Retention
    let store: any TelemetryStore
    let now: @Sendable () -> Int64

    func addRoutes(to router: Router<LoupeRequestContext>) {
        router.get("api/v1/retention") { _, _ in RetentionBody(retention) }
        router.put("api/v1/retention") { request, context in
            let data = Data(try await request.body.collect(upTo: 256 << 10).readableBytesView)
            let policy: RetentionPolicy
            do {
                policy = try JSONDecoder().decode(RetentionPolicy.self, from: data)
            } catch {
                throw APIError(status: .badRequest, message: #"the body must be a retention policy: {"spans_days": 30, "rollups_days": 400, "projects": {"acme": {"spans_days": 7}}}"#)
            }
            if let problem = policy.problem { throw APIError(status: .badRequest, message: problem) }
            // Recorded first: a change the trail does not show must not happen.
            let text = String(decoding: try JSONEncoder.sorted.encode(policy), as: UTF8.self)
            _ = try await store.appendAudit([AuditRecord(
                atNanos: now(), actor: context.actor, action: "retention.changed", target: "retention policy", client: context.clientAddress,
                detail: text
            )])
            retention.replace(policy)
            return RetentionBody(retention)
        }
    }
}

private extension JSONEncoder {
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
