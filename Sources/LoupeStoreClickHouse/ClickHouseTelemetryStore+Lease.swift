import LoupeStore

/// Leases on background work, kept in ClickHouse itself, so that servers sharing it need no
/// coordinator of their own.
///
/// A server takes a free or expired lease by writing a newer version of its row, then reads the
/// row back: of two servers taking it at once, the one whose write carries the higher version
/// holds it, and both read the same winner once both writes have landed. A server that reads
/// before the other's write lands may run one round of work beside it; alert evaluation and
/// retention tolerate that (a duplicate notification at worst, deletes being idempotent).
extension ClickHouseTelemetryStore {
    public func holdLease(_ name: String, holder: String, nowNanos: Int64, ttlNanos: Int64) async throws -> Bool {
        let lease = ClickHouseSQL.string(name)
        let read = "SELECT holder, until_ns FROM leases WHERE name = \(lease) ORDER BY version DESC LIMIT 1"
        if let current = try await client.select(read).first, current.string("holder") != holder, (current.int("until_ns") ?? 0) > nowNanos {
            return false
        }
        var row = JSONEachRowWriter()
        row.beginRow()
        row.field("name", name)
        row.field("holder", holder)
        row.field("until_ns", nowNanos &+ ttlNanos)
        row.field("version", now())
        row.endRow()
        try await client.insert(into: "leases", rows: row.buffer)
        return try await client.select(read).first?.string("holder") == holder
    }
}
