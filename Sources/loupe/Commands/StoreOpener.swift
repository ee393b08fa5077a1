import ArgumentParser
import Foundation
import LoupeCore
import LoupeStoreSQLite

/// Opens an existing database for the read commands, with clear errors for a wrong path or duration.
enum StoreOpener {
    static func open(_ path: String) throws -> SQLiteTelemetryStore {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ValidationError("no Loupe database at \(path): run `loupe serve` or `loupe demo` first, or pass --db")
        }
        return try SQLiteTelemetryStore(path: path)
    }

    static func seconds(_ text: String, option: String = "--since") throws -> Int64 {
        guard let seconds = DurationText.seconds(text) else {
            throw ValidationError("\(option) '\(text)' is not a duration such as 30m, 1h or 7d")
        }
        return seconds
    }
}
