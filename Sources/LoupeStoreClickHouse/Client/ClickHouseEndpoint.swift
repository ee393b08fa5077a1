import Foundation

/// Where a ClickHouse store lives: its HTTP interface, its database and the credentials to use.
///
/// Written `clickhouse://host:8123/db` (or `clickhouses://` for TLS). Credentials are never part of
/// the address, so they do not end up in shell history or a process list: they come from
/// `LOUPE_CLICKHOUSE_USER` and `LOUPE_CLICKHOUSE_PASSWORD`, or `LOUPE_CLICKHOUSE_PASSWORD_FILE`.
public struct ClickHouseEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// The HTTP interface, such as `http://127.0.0.1:8123`.
    public var baseURL: String
    public var database: String
    public var user: String?
    public var password: String?

    public init(baseURL: String, database: String, user: String? = nil, password: String? = nil) {
        self.baseURL = baseURL
        self.database = database
        self.user = user
        self.password = password
    }

    /// Reads a `clickhouse://host:port/database` address, taking credentials from `environment`.
    public init(address: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard let url = URLComponents(string: address), let scheme = url.scheme, ["clickhouse", "clickhouses"].contains(scheme),
            let host = url.host, !host.isEmpty
        else {
            throw ClickHouseStoreError.badAddress(address, reason: "write it as clickhouse://host:8123/database")
        }
        guard url.user == nil, url.password == nil else {
            throw ClickHouseStoreError.badAddress(
                address, reason: "put no user or password in the address; set LOUPE_CLICKHOUSE_USER and LOUPE_CLICKHOUSE_PASSWORD (or LOUPE_CLICKHOUSE_PASSWORD_FILE)"
            )
        }
        let database = url.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        guard !database.isEmpty else { throw ClickHouseStoreError.badAddress(address, reason: "name the database after the port, as in clickhouse://host:8123/loupe") }
        guard database.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
            throw ClickHouseStoreError.badAddress(address, reason: "a database name is letters, digits and underscores")
        }
        let port = url.port ?? (scheme == "clickhouses" ? 8443 : 8123)
        var password = environment["LOUPE_CLICKHOUSE_PASSWORD"]
        if password == nil, let file = environment["LOUPE_CLICKHOUSE_PASSWORD_FILE"] {
            do {
                password = try String(contentsOfFile: file, encoding: .utf8).trimmingCharacters(in: .newlines)
            } catch {
                throw ClickHouseStoreError.badAddress(address, reason: "cannot read LOUPE_CLICKHOUSE_PASSWORD_FILE \(file): \(error.localizedDescription)")
            }
        }
        self.init(
            baseURL: "\(scheme == "clickhouses" ? "https" : "http")://\(host):\(port)", database: database,
            user: environment["LOUPE_CLICKHOUSE_USER"], password: password
        )
    }

    /// The address without credentials, for messages and logs.
    public var description: String { "\(baseURL)/\(database)" }
}
