import Synchronization

/// Slows down key guessing: a client address that fails authentication `limit` times within a
/// minute is refused (429) until that minute is over. Memory stays bounded whatever addresses
/// arrive: past `maxAddresses` the oldest windows are forgotten.
public final class AuthFailureLimiter: Sendable {
    private struct Window {
        var startNanos: Int64
        var failures: Int
    }

    public let limit: Int
    private let maxAddresses: Int
    private let windows = Mutex<[String: Window]>([:])
    private static let windowNanos: Int64 = 60_000_000_000

    public init(limit: Int = 20, maxAddresses: Int = 10_000) {
        self.limit = limit
        self.maxAddresses = maxAddresses
    }

    /// Whether the address has used up its failures in the current minute.
    public func isBlocked(_ address: String, nowNanos: Int64) -> Bool {
        windows.withLock { windows in
            guard let window = windows[address], nowNanos - window.startNanos < Self.windowNanos else { return false }
            return window.failures >= limit
        }
    }

    /// Counts a failed attempt from the address.
    public func recordFailure(_ address: String, nowNanos: Int64) {
        windows.withLock { windows in
            if var window = windows[address], nowNanos - window.startNanos < Self.windowNanos {
                window.failures += 1
                windows[address] = window
                return
            }
            if windows.count >= maxAddresses {
                windows = windows.filter { nowNanos - $0.value.startNanos < Self.windowNanos }
                if windows.count >= maxAddresses, let oldest = windows.min(by: { $0.value.startNanos < $1.value.startNanos }) {
                    windows[oldest.key] = nil
                }
            }
            windows[address] = Window(startNanos: nowNanos, failures: 1)
        }
    }
}
