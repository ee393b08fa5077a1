import Foundation
import LoupeStore

/// The audit trail's export format, the same from the API and the CLI: one JSON object per line
/// and entry (``AuditEntryBody``), in chain order, with both hashes, so the export can be checked
/// on its own.
public enum AuditExportLines {
    /// Hands the whole trail to `write` a page of lines at a time; returns how many entries were written.
    @discardableResult
    public static func stream(_ store: any TelemetryStore, _ write: (Data) async throws -> Void) async throws -> Int {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var count = 0
        try await store.forEachAuditPage { page in
            var lines = Data()
            for entry in page {
                lines += try encoder.encode(AuditEntryBody(entry))
                lines.append(UInt8(ascii: "\n"))
            }
            if !lines.isEmpty { try await write(lines) }
            count += page.count
            return true
        }
        return count
    }
}
