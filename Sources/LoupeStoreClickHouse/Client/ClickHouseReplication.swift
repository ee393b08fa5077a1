/// What a replicated store learns from its servers when it opens: the quorum its inserts wait for,
/// whether they must take turns, and which servers hold which shard.
struct ClickHouseReplication: Sendable {
    /// Replicas that must hold an insert before it is answered; below 2, none wait.
    let insertQuorum: Int
    /// Whether quorum inserts must go one at a time (the server has no `insert_quorum_parallel`).
    let oneAtATime: Bool

    /// The quorum on the first server's release: the address's, or the release's default, refused
    /// where the release could never delete what a quorum inserted.
    static func read(for endpoint: ClickHouseEndpoint, from server: ClickHouseClient) async throws -> ClickHouseReplication {
        let row = try await server.select("""
            SELECT version() AS version, (SELECT any(value) FROM system.settings WHERE name = 'insert_quorum_parallel') AS parallel
            """).first
        guard let version = ClickHouseVersion(row?.string("version") ?? "") else {
            throw ClickHouseStoreError.badAnswer("the server's version() is \(row?.string("version") ?? "missing")")
        }
        let quorum = endpoint.insertQuorum ?? version.defaultInsertQuorum
        if quorum > 1, !version.mutatesQuorumParts {
            throw ClickHouseStoreError.badAddress(endpoint.description, reason: """
                insert_quorum needs ClickHouse 20.3 or later: on \(version), parts inserted with a quorum are never mutated \
                (ClickHouse issue 7133), so retention and erasure would not finish. Leave insert_quorum out: inserts are then \
                answered once one replica has them, and copied to the others within seconds
                """)
        }
        return ClickHouseReplication(insertQuorum: quorum, oneAtATime: quorum > 1 && row?.string("parallel") != "1")
    }

    /// The first server of each shard (by its `{shard}` macro), in the address's order: a statement
    /// sent there reaches the shard's other replicas through replication.
    static func oneServerPerShard(_ servers: [ClickHouseClient]) async throws -> [ClickHouseClient] {
        var shards = Set<String>()
        var chosen: [ClickHouseClient] = []
        for server in servers {
            let shard = try await server.select("SELECT substitution FROM system.macros WHERE macro = 'shard'").first?.string("substitution")
            if shards.insert(shard ?? "").inserted { chosen.append(server) }
        }
        return chosen
    }
}
