import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// Talks to one ClickHouse server over its HTTP interface: statements, inserts in JSONEachRow, and
/// selects read back as rows.
///
/// The HTTP interface is what every ClickHouse release and every managed offering serves, and it
/// needs no driver: AsyncHTTPClient carries it.
struct ClickHouseClient: Sendable {
    let endpoint: ClickHouseEndpoint
    let http: HTTPClient
    /// How long one statement may take, connecting included: the client keeps retrying a refused
    /// connection until then.
    let timeout: TimeAmount
    /// Inserts take turns when they wait for a quorum of replicas and the server takes one quorum
    /// insert into a table at a time (no `insert_quorum_parallel`): it refuses another while one is
    /// unconfirmed ("Another quorum insert has been already started"). One lock serves every client
    /// of a store.
    let quorumTurns: AsyncLock?

    init(endpoint: ClickHouseEndpoint, http: HTTPClient = .shared, timeout: TimeAmount = .seconds(30), quorumTurns: AsyncLock? = nil) {
        self.endpoint = endpoint
        self.http = http
        self.timeout = timeout
        self.quorumTurns = quorumTurns
    }

    /// Runs a statement that returns nothing worth reading (DDL, ALTER, OPTIMIZE).
    func execute(_ sql: String, inDatabase: Bool = true) async throws {
        _ = try await send(body: ByteBuffer(string: sql), query: nil, inDatabase: inDatabase, statement: sql)
    }

    /// Inserts rows given as JSONEachRow lines.
    func insert(into table: String, columns: [String]? = nil, rows: ByteBuffer) async throws {
        guard rows.readableBytes > 0 else { return }
        let list = columns.map { "(\($0.joined(separator: ", ")))" } ?? ""
        let statement = "INSERT INTO \(table) \(list) FORMAT JSONEachRow"
        _ = try await send(body: rows, query: statement, inDatabase: true, statement: statement)
    }

    /// Runs a select and reads its rows.
    func select(_ sql: String) async throws -> [ClickHouseRow] {
        let answer = try await send(body: ByteBuffer(string: sql + "\nFORMAT JSONEachRow"), query: nil, inDatabase: true, statement: sql)
        return try JSONEachRowReader.rows(answer)
    }

    private func send(body: ByteBuffer, query: String?, inDatabase: Bool, statement: String) async throws -> [UInt8] {
        if let quorumTurns, statement.hasPrefix("INSERT") {
            return try await quorumTurns.run { try await sendNow(body: body, query: query, inDatabase: inDatabase, statement: statement) }
        }
        return try await sendNow(body: body, query: query, inDatabase: inDatabase, statement: statement)
    }

    private func sendNow(body: ByteBuffer, query: String?, inDatabase: Bool, statement: String) async throws -> [UInt8] {
        var items = [
            URLQueryItem(name: "output_format_json_quote_64bit_integers", value: "0"),
            // Lists of ids (a page's traces, a reprice's spans) go in the statement: 256 KiB, the default, is too little.
            URLQueryItem(name: "max_query_size", value: String(256 << 20)),
            // And their elements: a reprice of a busy hour lists each span's key and cost.
            URLQueryItem(name: "max_ast_elements", value: String(50_000_000)),
            URLQueryItem(name: "max_expanded_ast_elements", value: String(50_000_000)),
        ]
        if endpoint.cluster != nil {
            // Sharded: a subquery over a sharded table reads every shard once, and an insert returns
            // only after every shard it went to has stored its rows (ack means durable).
            items.append(URLQueryItem(name: "distributed_product_mode", value: "global"))
            items.append(URLQueryItem(name: "insert_distributed_sync", value: "1"))
        }
        if endpoint.replicated {
            // Reads and inserts go to the first replica listed that answers, so that a read sees
            // what was just written even before the other replicas have copied it.
            items.append(URLQueryItem(name: "load_balancing", value: "in_order"))
        }
        if let quorum = endpoint.insertQuorum, quorum > 1 {
            // An insert returns once a quorum of its shard's replicas has the rows. A quorum that
            // cannot be reached (a replica stopped) is reported by ClickHouse, as transient, well
            // before this client would give up on the answer.
            items.append(URLQueryItem(name: "insert_quorum", value: String(quorum)))
            items.append(URLQueryItem(name: "insert_quorum_timeout", value: String(timeout.nanoseconds / 2_000_000)))
        }
        if inDatabase { items.append(URLQueryItem(name: "database", value: endpoint.database)) }
        if let query { items.append(URLQueryItem(name: "query", value: query)) }
        var components = URLComponents()
        components.queryItems = items
        var request = HTTPClientRequest(url: endpoint.baseURL + "/" + (components.string ?? ""))
        request.method = .POST
        request.body = .bytes(body)
        if let user = endpoint.user {
            let credentials = Data("\(user):\(endpoint.password ?? "")".utf8).base64EncodedString()
            request.headers.add(name: "Authorization", value: "Basic \(credentials)")
        }
        let response: HTTPClientResponse
        do {
            response = try await http.execute(request, timeout: timeout)
        } catch {
            throw ClickHouseStoreError.unreachable(endpoint.description, reason: String(describing: error))
        }
        let bytes: ByteBuffer
        do {
            bytes = try await response.body.collect(upTo: 512 * 1024 * 1024)
        } catch {
            throw ClickHouseStoreError.unreachable(endpoint.description, reason: "the answer broke off: \(error)")
        }
        guard response.status == .ok else {
            throw Self.serverError(String(buffer: bytes), statement: statement)
        }
        return Array(buffer: bytes)
    }

    /// Reads ClickHouse's `Code: N, e.displayText() = DB::Exception: …` into its code and message.
    static func serverError(_ text: String, statement: String) -> ClickHouseStoreError {
        var message = text.trimmingCharacters(in: .whitespacesAndNewlines)
        var code: Int?
        if message.hasPrefix("Code: "), let comma = message.firstIndex(of: ",") {
            code = Int(message[message.index(message.startIndex, offsetBy: 6)..<comma])
            message = String(message[message.index(after: comma)...]).trimmingCharacters(in: .whitespaces)
        }
        for prefix in ["e.displayText() = ", "DB::Exception: "] where message.hasPrefix(prefix) {
            message.removeFirst(prefix.count)
        }
        if let tail = message.range(of: ", e.what() = DB::Exception") { message = String(message[..<tail.lowerBound]) }
        return .server(code: code, message: message, statement: statement)
    }
}
