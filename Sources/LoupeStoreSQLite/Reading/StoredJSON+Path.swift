import Foundation
import LoupeStore

extension StoredJSON {
    /// A JSON path naming one key of an object, quoted so that any key (dots, spaces) names itself.
    static func path(ofKey key: String) -> String {
        let escaped = key.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "$.\"\(escaped)\""
    }
}
