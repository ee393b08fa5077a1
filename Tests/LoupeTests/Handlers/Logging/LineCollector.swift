import Foundation
import Synchronization

/// A text stream that keeps what is written, split into lines, for asserting on log output.
final class LineCollector: TextOutputStream, Sendable {
    private let text = Mutex("")

    func write(_ string: String) {
        text.withLock { $0 += string }
    }

    var lines: [String] {
        text.withLock { $0 }.split(separator: "\n").map(String.init)
    }

    /// Each line parsed as a JSON object.
    func objects() throws -> [[String: Any]] {
        try lines.map { line in
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
        }
    }
}
