import Foundation

/// A database path in a fresh temporary folder, so tests never share a file.
enum TemporaryDatabase {
    static func path(_ label: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("test.db").path
    }
}
