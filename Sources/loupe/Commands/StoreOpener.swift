import ArgumentParser
import Foundation
import LoupeCore
import LoupeStore
import LoupeStoreClickHouse
import LoupeStoreSQLite

/// Opens an existing database for the read commands, with clear errors for a wrong path or duration.
enum StoreOpener {
    /// The store `--db` names: a SQLite file, or a ClickHouse database (`clickhouse://host:8123/db`,
    /// credentials from the environment as for `loupe serve --store`).
    static func open(_ db: String) async throws -> any TelemetryStore {
        if db.hasPrefix("clickhouse://") || db.hasPrefix("clickhouses://") {
            return try await ClickHouseTelemetryStore.open(ClickHouseEndpoint(address: db))
        }
        return try sqlite(db)
    }

    /// A SQLite file, for the commands that work on the file itself.
    static func sqlite(_ path: String) throws -> SQLiteTelemetryStore {
        if path.hasPrefix("clickhouse://") || path.hasPrefix("clickhouses://") {
            throw ValidationError("this command works on a SQLite file; \(path) is a ClickHouse address")
        }
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
