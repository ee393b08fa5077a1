import Foundation

/// Where a ClickHouse store lives: its servers' HTTP interfaces, its database, the cluster that
/// shards it, and the credentials to use.
///
/// Written `clickhouse://host:8123/db` for one server, or `clickhouse://h1:8123,h2:8123/db?cluster=loupe`
/// for a database sharded over the cluster `loupe` of the servers' configuration (`remote_servers`),
/// naming every shard's server (`clickhouses://` for TLS). `replicated=true` keeps every table in
/// `ReplicatedMergeTree`s, the cluster's shards listing their replicas, and `insert_quorum=N`
/// answers an insert only once N replicas have it (``insertQuorum``).
/// `repair_after=SECONDS` sets how long after a span insert fails part-way its rollups are rebuilt
/// (``repairAfter``). Credentials are never part of the address, so they do not end up in shell
/// history or a process list: they come from
/// `LOUPE_CLICKHOUSE_USER` and `LOUPE_CLICKHOUSE_PASSWORD`, or `LOUPE_CLICKHOUSE_PASSWORD_FILE`.
public struct ClickHouseEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// Every server's HTTP interface, such as `http://127.0.0.1:8123`; the first one answers queries
    /// and keeps the tables that are not sharded (keys, audit trail, alert history, leases).
    public var servers: [String]
    public var database: String
    /// The cluster the data is sharded over; nil for one server.
    public var cluster: String?
    public var user: String?
    public var password: String?
    /// How long after a span insert failed part-way the store rebuilds its minutes' rollups: by then
    /// exporters have sent its spans again. Ten minutes unless the address says otherwise.
    public var repairAfter: Duration = .seconds(600)
    /// Whether the cluster's tables are replicated (`ReplicatedMergeTree`, coordinated by ZooKeeper
    /// or ClickHouse Keeper, with the servers' `{shard}` and `{replica}` macros naming their place).
    public var replicated = false
    /// How many replicas must have an insert's rows before it is answered; nil for the store's
    /// choice (two on ClickHouse 20.3 and later, none before: see the store's README), and ignored
    /// when not replicated.
    public var insertQuorum: Int?

    /// The server queries go to.
    public var baseURL: String { servers[0] }

    public init(baseURL: String, database: String, user: String? = nil, password: String? = nil) {
        self.init(servers: [baseURL], database: database, cluster: nil, user: user, password: password)
    }

    public init(servers: [String], database: String, cluster: String?, user: String? = nil, password: String? = nil) {
        self.servers = servers
        self.database = database
        self.cluster = cluster
        self.user = user
        self.password = password
    }

    /// Reads an address (see the type's description), taking credentials from `environment`.
    public init(address: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        func refuse(_ reason: String) -> ClickHouseStoreError { .badAddress(address, reason: reason) }
        guard let schemeEnd = address.range(of: "://") else { throw refuse("write it as clickhouse://host:8123/database") }
        let scheme = String(address[..<schemeEnd.lowerBound])
        guard ["clickhouse", "clickhouses"].contains(scheme) else { throw refuse("write it as clickhouse://host:8123/database") }
        let rest = address[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" }
        guard !authority.contains("@") else {
            throw refuse("put no user or password in the address; set LOUPE_CLICKHOUSE_USER and LOUPE_CLICKHOUSE_PASSWORD (or LOUPE_CLICKHOUSE_PASSWORD_FILE)")
        }
        let defaultPort = scheme == "clickhouses" ? 8443 : 8123
        var servers: [String] = []
        for part in authority.split(separator: ",", omittingEmptySubsequences: false) {
            guard let url = URLComponents(string: "http://\(part)"), let host = url.host, !host.isEmpty, url.path.isEmpty else {
                throw refuse("'\(part)' is not a host or host:port")
            }
            servers.append("\(scheme == "clickhouses" ? "https" : "http")://\(host):\(url.port ?? defaultPort)")
        }
        guard let url = URLComponents(string: "http://host" + rest.dropFirst(authority.count)) else { throw refuse("write it as clickhouse://host:8123/database") }
        let database = url.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        guard !database.isEmpty else { throw refuse("name the database after the port, as in clickhouse://host:8123/loupe") }
        guard Self.isName(database) else { throw refuse("a database name is letters, digits and underscores") }
        let settings = ["cluster", "replicated", "insert_quorum", "repair_after"]
        if let unknown = url.queryItems?.first(where: { !settings.contains($0.name) }) {
            throw refuse("'\(unknown.name)' is not a setting of the address; \(settings.joined(separator: ", ")) are")
        }
        func setting(_ name: String) -> String? { url.queryItems?.first { $0.name == name }?.value }
        let cluster = setting("cluster")
        var replicated = false
        switch setting("replicated") {
        case nil, "false", "0": break
        case "true", "1": replicated = true
        default: throw refuse("replicated is true or false")
        }
        var insertQuorum: Int?
        if let text = setting("insert_quorum") {
            guard replicated else { throw refuse("insert_quorum needs replicated tables: add replicated=true") }
            guard let quorum = Int(text), quorum >= 1 else { throw refuse("insert_quorum is a number of replicas, as in insert_quorum=2") }
            insertQuorum = quorum
        }
        var repairAfter: Duration?
        if let text = setting("repair_after") {
            guard let seconds = Int64(text), seconds >= 0 else { throw refuse("repair_after is a whole number of seconds, as in repair_after=600") }
            repairAfter = .seconds(seconds)
        }
        if let cluster, !Self.isName(cluster) { throw refuse("a cluster name is letters, digits and underscores") }
        if servers.count > 1, cluster == nil { throw refuse("several servers shard one database: name their cluster, as in ?cluster=loupe") }
        if replicated, cluster == nil { throw refuse("replicas belong to a cluster: name it, as in ?cluster=loupe&replicated=true") }
        var password = environment["LOUPE_CLICKHOUSE_PASSWORD"]
        if password == nil, let file = environment["LOUPE_CLICKHOUSE_PASSWORD_FILE"] {
            do {
                password = try String(contentsOfFile: file, encoding: .utf8).trimmingCharacters(in: .newlines)
            } catch {
                throw refuse("cannot read LOUPE_CLICKHOUSE_PASSWORD_FILE \(file): \(error.localizedDescription)")
            }
        }
        self.init(servers: servers, database: database, cluster: cluster, user: environment["LOUPE_CLICKHOUSE_USER"], password: password)
        if let repairAfter { self.repairAfter = repairAfter }
        self.replicated = replicated
        self.insertQuorum = insertQuorum
    }

    private static func isName(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "_" }
    }

    /// The address without credentials, for messages and logs.
    public var description: String {
        servers.joined(separator: ",") + "/" + database
            + (cluster.map { " (\(replicated ? "sharded and replicated" : "sharded") over cluster \($0))" } ?? "")
    }

    /// The same database on one of its servers.
    func on(server: String) -> ClickHouseEndpoint {
        var endpoint = self
        endpoint.servers = [server]
        return endpoint
    }
}
