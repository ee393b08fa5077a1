/// Failures of the ClickHouse store that a user can act on.
public enum ClickHouseStoreError: Error, CustomStringConvertible, Equatable {
    case badAddress(String, reason: String)
    /// The server could not be reached, or did not answer in time.
    case unreachable(String, reason: String)
    /// The server answered with an error: its code and message.
    case server(code: Int?, message: String, statement: String)
    /// An answer that could not be read.
    case badAnswer(String)

    public var description: String {
        switch self {
        case .badAddress(let address, let reason):
            return "cannot use the ClickHouse address \(address): \(reason)"
        case .unreachable(let endpoint, let reason):
            return "cannot reach ClickHouse at \(endpoint): \(reason). Check that the server runs and that its HTTP port is the one given."
        case .server(let code, let message, let statement):
            let head = statement.split(separator: "\n").first.map { String($0.prefix(120)) } ?? ""
            return "ClickHouse refused a statement (\(code.map { "code \($0)" } ?? "no code")): \(message) [\(head)]"
        case .badAnswer(let reason):
            return "ClickHouse gave an answer the store cannot read: \(reason)"
        }
    }

    /// Whether retrying later may succeed: the server was away or overloaded, not refusing the statement.
    public var isTransient: Bool {
        switch self {
        case .unreachable: return true
        case .server(let code, _, _):
            // TOO_MANY_PARTS, TOO_MANY_SIMULTANEOUS_QUERIES, memory limit, timeouts, no replica, readonly
            // replica, too few live replicas for the quorum, a quorum insert still unconfirmed, a
            // quorum not reached in time (the rows may be stored: a retry finds them and steps aside).
            return code.map { [159, 160, 202, 209, 210, 241, 242, 252, 279, 285, 286, 319].contains($0) } ?? false
        default: return false
        }
    }
}
