import Synchronization

/// The bytes that ingest may hold in memory at once: request bodies being read, decoded (which
/// briefly weighs many times the body), and the decoded spans queued or being written, until each
/// request is answered.
///
/// Counting spans alone does not bound memory: one request of large prompts weighs a hundred of
/// small spans. A receiver reserves before it reads and grows its reservation as it learns more, so
/// overload is refused before the work is done. A request alone may take more than the whole
/// budget (bounded by the body limit), or it could never be served.
public final class IngestBudget: Sendable {
    public let limitBytes: Int
    private let used = Mutex(0)


    /// What a request's decode weighs at its peak (decoded spans, normalised records, aggregates and
    /// JSON texts), per byte of its decompressed body, from `scripts/overload-test.py` on real-shaped
    /// spans. Protobuf is dense (ids as bytes, keys as numbers), so its records outweigh it about
    /// twelvefold; JSON is read through Foundation's object tree first, which briefly weighs more.
    static func decodedBytesPerBodyByte(_ encoding: OTLPEncoding) -> Int {
        encoding == .protobuf ? 12 : 20
    }

    public init(limitBytes: Int) {
        self.limitBytes = limitBytes
    }

    /// Bytes reserved by requests not yet answered.
    public var bytesInFlight: Int { used.withLock { $0 } }

    /// Whether a new request would be turned away now, before it has sent anything.
    public var isExhausted: Bool { used.withLock { $0 >= limitBytes } }

    /// Reserves `bytes`, unless that would pass the limit while other requests hold part of it.
    public func reserve(_ bytes: Int) -> Bool {
        guard bytes > 0 else { return true }
        return used.withLock { used in
            guard used == 0 || used + bytes <= limitBytes else { return false }
            used += bytes
            return true
        }
    }

    public func release(_ bytes: Int) {
        guard bytes > 0 else { return }
        used.withLock { $0 -= bytes }
    }
}

/// One request's share of an ``IngestBudget``, grown as the request is read and decoded, and
/// released when it is answered.
final class BudgetReservation {
    private let budget: IngestBudget
    private(set) var heldBytes = 0

    init(_ budget: IngestBudget) {
        self.budget = budget
    }

    /// Makes the reservation cover `total` bytes; false (and unchanged) when the budget cannot.
    func cover(_ total: Int) -> Bool {
        guard total > heldBytes else { return true }
        guard budget.reserve(total - heldBytes) else { return false }
        heldBytes = total
        return true
    }

    func release() {
        budget.release(heldBytes)
        heldBytes = 0
    }
}
