import Foundation
import LoupeCore
import Synchronization

/// API keys and the audit trail.
extension InMemoryTelemetryStore {
    public func createAccessKey(_ key: AccessKey, audit: AuditRecord) async throws {
        try state.withLock { state throws(AccessKeyConflict) in
            guard !state.accessKeys.contains(where: { $0.id == key.id }) else { throw AccessKeyConflict(id: key.id) }
            state.accessKeys.append(key)
            state.append(audit: [audit])
        }
    }

    public func accessKeys() async throws -> [AccessKey] {
        state.withLock { $0.accessKeys.sorted { ($0.createdNanos, $0.id) < ($1.createdNanos, $1.id) } }
    }

    public func accessKey(id: String) async throws -> AccessKey? {
        state.withLock { $0.accessKeys.first { $0.id == id } }
    }

    public func revokeAccessKey(id: String, atNanos: Int64, audit: AuditRecord) async throws -> Bool {
        state.withLock { state in
            guard let index = state.accessKeys.firstIndex(where: { $0.id == id && !$0.isRevoked }) else { return false }
            state.accessKeys[index].revokedNanos = atNanos
            state.append(audit: [audit])
            return true
        }
    }

    public func appendAudit(_ records: [AuditRecord]) async throws -> [AuditEntry] {
        state.withLock { $0.append(audit: records) }
    }

    public func auditEntries(_ query: AuditQuery) async throws -> [AuditEntry] {
        state.withLock { Array($0.audit.filter(query.matches).prefix(query.limit)) }
    }
}
