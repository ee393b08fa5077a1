import Crypto
import Foundation

/// The server secret prompt hashes are keyed with (``PromptHashEnricher``), and dashboard sessions
/// are signed with (``DashboardSessions``, through a key derived for that use), kept in a file beside
/// the database so that hashes stay comparable and people stay logged in across restarts; created
/// on first start, readable by its owner only.
public enum PromptHashSecret {
    public enum Failure: Error, CustomStringConvertible {
        case unreadable(path: String, reason: String)
        case wrongSize(path: String, bytes: Int)

        public var description: String {
            switch self {
            case .unreadable(let path, let reason): return "cannot read or create the prompt hash key \(path): \(reason)"
            case .wrongSize(let path, let bytes):
                return "the prompt hash key \(path) holds \(bytes) bytes, not 32; restore it or delete it to start new hashes"
            }
        }
    }

    /// The key file for a database at `databasePath`.
    public static func path(forDatabase databasePath: String) -> String { databasePath + ".prompt-key" }

    /// Reads the key at `path`, creating it when missing.
    public static func load(path: String) throws -> Data {
        let manager = FileManager.default
        if !manager.fileExists(atPath: path) {
            let key = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
            guard manager.createFile(atPath: path, contents: key, attributes: [.posixPermissions: 0o600]) else {
                throw Failure.unreadable(path: path, reason: "the file could not be created")
            }
        }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw Failure.unreadable(path: path, reason: "\(error.localizedDescription)")
        }
        guard data.count == 32 else { throw Failure.wrongSize(path: path, bytes: data.count) }
        return data
    }
}
