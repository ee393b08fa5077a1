extension TelemetryStore {
    /// Reads the whole audit trail in chain order, `pageSize` entries at a time, handing each page
    /// to `body` until it returns false or the trail ends.
    public func forEachAuditPage(pageSize: Int = 5_000, _ body: ([AuditEntry]) async throws -> Bool) async throws {
        var after: Int64 = 0
        while true {
            let page = try await auditEntries(AuditQuery(afterSequence: after, limit: pageSize))
            guard try await body(page), page.count == pageSize, let last = page.last else { return }
            after = last.sequence
        }
    }
}
