import Synchronization

/// Bounds the label sets a metric may grow: model and service names come from senders, and one
/// sender writing random model names must not grow /metrics without end. Past the budget, new
/// label sets are folded into one whose values read `other`.
final class LabelBudget: Sendable {
    private let seen = Mutex<Set<[String]>>([])
    let limit: Int

    init(limit: Int) {
        self.limit = limit
    }

    /// The labels to record under: these, or `other` for every value once the budget is spent.
    func admit(_ labels: [(String, String)]) -> [(String, String)] {
        let values = labels.map(\.1)
        let admitted = seen.withLock { seen -> Bool in
            if seen.contains(values) { return true }
            guard seen.count < limit else { return false }
            seen.insert(values)
            return true
        }
        return admitted ? labels : labels.map { ($0.0, "other") }
    }
}
