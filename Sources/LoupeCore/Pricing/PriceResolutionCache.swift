import Synchronization

/// Remembers which price series a (provider, model) pair resolved to, so the name peeling in
/// ``ModelMatcher`` runs once per distinct name instead of once per span.
///
/// Owned by one ``PriceCatalog`` value and invisible in its behaviour: it only memoises a pure
/// function of the catalog's immutable index. It is bounded because model names come from
/// untrusted telemetry; when full it is emptied, which costs one re-resolution per live name.
final class PriceResolutionCache: Sendable {
    struct Key: Hashable, Sendable {
        var provider: String?
        var model: String
    }

    /// A resolved series index, or `-1` for "no price": unknown names are common and must be
    /// cached too, or every span of an unpriced model would walk the matcher again.
    private let storage = Mutex<[Key: Int]>([:])
    let capacity: Int

    init(capacity: Int = 4_096) {
        self.capacity = capacity
    }

    func value(for key: Key) -> Int? {
        storage.withLock { $0[key] }
    }

    func store(_ value: Int, for key: Key) {
        storage.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = value
        }
    }

    var count: Int {
        storage.withLock { $0.count }
    }
}
