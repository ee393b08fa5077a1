import LoupeAnalytics
import LoupeStore

extension PageContext {
    /// The range's failures that no failed span explains, said with their categories; nil when
    /// there are none. Metrics report a failed call by its `error.type`, with no message to group
    /// into failure modes, so the pages built on failed spans would otherwise show none.
    func failuresWithoutSpans(unit: CountUnit) async throws -> String? {
        let report = try await analytics.summary(SummaryQuery(range: query.range, groupBy: [.errorCategory], filters: query.filters, latency: false))
        let count = report.totals.measures[unit].errors
        guard count > 0 else { return nil }
        let categories = report.groups.compactMap { group -> (String, Int64)? in
            let errors = group.measures[unit].errors
            guard errors > 0, let category = group.key["error_category"], !category.isEmpty else { return nil }
            return (category, errors)
        }.sorted { $0.1 > $1.1 }
        let named = categories.map { "\($0.0) \(DisplayFormat.count($0.1))" }.joined(separator: ", ")
        return "\(DisplayFormat.count(count)) failed \(unit.rawValue) were reported by metrics, which carry no messages to group"
            + (named.isEmpty ? "." : ": \(named).")
    }
}
