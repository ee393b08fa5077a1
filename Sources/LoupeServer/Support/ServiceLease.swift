import Foundation
import Logging
import LoupeCore
import LoupeStore

/// Decides which of the servers writing one store runs a piece of background work (alert
/// evaluation, retention) each round, through the store's lease (``TelemetryStore/holdLease(_:holder:nowNanos:ttlNanos:)``).
///
/// A store one process writes grants it every lease. Servers sharing a ClickHouse store take turns:
/// the holder renews the lease each round, and when it stops (shut down, crashed, cut off) another
/// takes over once `ttl` has passed.
public struct ServiceLease: Sendable {
    public let name: String
    let store: any TelemetryStore
    let holder: String
    let ttl: Duration

    /// This process, as lease holders are told apart: host, process id and a random part.
    public static let thisProcess = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier):\(UInt32.random(in: 0...UInt32.max))"

    public init(name: String, store: any TelemetryStore, holder: String = ServiceLease.thisProcess, ttl: Duration) {
        self.name = name
        self.store = store
        self.holder = holder
        self.ttl = ttl
    }

    /// Whether this process runs the work now. A store that cannot be asked keeps it from running
    /// this round, and the reason is logged.
    func isHeld(nowNanos: Int64, logger: Logger) async -> Bool {
        do {
            return try await store.holdLease(name, holder: holder, nowNanos: nowNanos, ttlNanos: ttl.wholeNanoseconds)
        } catch {
            logger.warning("cannot check who runs \(name): skipping this round", metadata: ["error": "\(error)"])
            return false
        }
    }
}
