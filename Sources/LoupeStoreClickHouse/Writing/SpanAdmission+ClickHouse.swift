import LoupeCore
import LoupeStore

/// Admission of a batch against ClickHouse: what it holds of the batch's traces and response ids,
/// read before the insert. Two servers storing the same span at the same moment both find it
/// absent: that copy is removed when parts merge, and the rollups count it twice (the store's
/// README says so).
extension SpanAdmission {
    /// What ClickHouse holds of these spans' traces and response ids.
    static func reading(for spans: [SpanRecord], from client: ClickHouseClient) async throws -> SpanAdmission {
        let traceIds = Set(spans.map(\.traceId))
        var stored: [String: [String: Stored]] = [:]
        for row in try await client.select("""
            SELECT trace_id, span_id, parent_span_id, operation, role, usage_reported FROM spans
            WHERE trace_id IN \(ClickHouseSQL.strings(traceIds))
            """)
        {
            guard let trace = row.string("trace_id"), let id = row.string("span_id") else { continue }
            stored[trace, default: [:]][id] = Stored(
                parentSpanId: row.string("parent_span_id"), operation: row.string("operation") ?? "",
                isCall: SpanRole(rawValue: Int(row.int("role") ?? 0)).contains(.call), reportsUsage: row.bool("usage_reported")
            )
        }
        let responseIds = Set(spans.compactMap { $0.callResponseKey?.responseId })
        var claims: [CallResponseKey: [CallResponseClaim]] = [:]
        if !responseIds.isEmpty {
            for row in try await client.select("""
                SELECT project, response_id, service, start_ns, end_ns, input_tokens, output_tokens FROM spans
                WHERE response_id IN \(ClickHouseSQL.strings(responseIds)) AND bitAnd(role, \(SpanRole.call.rawValue)) != 0
                LIMIT 1 BY trace_id, span_id
                """)
            {
                guard let project = row.string("project"), let response = row.string("response_id") else { continue }
                claims[CallResponseKey(project: project, responseId: response), default: []].append(
                    CallResponseClaim(
                        service: row.string("service") ?? "", startNanos: row.int("start_ns") ?? 0, endNanos: row.int("end_ns") ?? 0,
                        inputTokens: row.int("input_tokens"), outputTokens: row.int("output_tokens")
                    )
                )
            }
        }
        return SpanAdmission(stored: stored, claims: claims)
    }
}
