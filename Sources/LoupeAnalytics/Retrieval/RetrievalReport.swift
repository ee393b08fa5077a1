import LoupeCore
import LoupeStore

/// Seed 000's retrieval quality and document views: relevance from retrieval scores, context
/// utilisation, content gaps by query category, and the documents used most and not at all.
public struct RetrievalReport: Sendable, Hashable {
    public var range: TimeRange
    public var stepSeconds: Int64
    /// A request whose best document scores below this has low relevance.
    public var minScore: Double
    /// The dimension content gaps are grouped by.
    public var gapDimension: String
    public var overall: RetrievalRelevance
    public var byService: [RetrievalRelevance]
    public var overTime: [RetrievalRelevance]
    /// Most gaps first.
    public var gaps: [ContentGap]
    /// The most retrieved documents, most first (at most ``listLength``).
    public var mostUsed: [DocumentUse]
    /// Documents retrieved in the period before the range and not in it, most retrieved then first.
    public var unused: [DocumentUse]
    /// Of an inventory of the knowledge base's document ids, those no retrieval of the range returned.
    public var neverRetrieved: [String]
    /// Distinct documents retrieved in the range, at most ``DocumentUseQuery/defaultLimit``.
    public var distinctDocuments: Int
    /// Whether documents were counted over the range's newest ``DocumentUseQuery/defaultNewest``
    /// retrievals only (or more distinct ones were retrieved than were read): the unused and never
    /// retrieved lists may then name documents retrieved earlier in the range.
    public var documentsTruncated: Bool
    /// Whether more requests had retrieval than were read (``RetrievalQuery/defaultLimit``).
    public var truncated: Bool

    public static let listLength = 20

    init(
        range: TimeRange, stepSeconds: Int64, minScore: Double, gapDimension: String, requests: [RetrievedRequest], truncated: Bool,
        uses: [DocumentUse], before: [DocumentUse], inventory: [String]
    ) {
        self.range = range
        self.stepSeconds = stepSeconds
        self.minScore = minScore
        self.gapDimension = gapDimension
        self.truncated = truncated
        // Steps on clock boundaries, as the other reports' (ROI, complexity); a request that started
        // before the range but retrieved within it counts in the first step.
        let step = stepSeconds * 1_000_000_000, origin = UnixMinute.floorDivide(range.fromNanos, step) * step
        overall = Self.relevance("", requests, minScore: minScore)
        byService = Dictionary(grouping: requests, by: \.service)
            .map { Self.relevance($0.key, $0.value, minScore: minScore) }
            .sorted { ($1.requests, $0.group) < ($0.requests, $1.group) }
        overTime = Dictionary(grouping: requests) { origin + (max($0.startNanos, range.fromNanos) - origin) / step * step }
            .sorted { $0.key < $1.key }
            .map { Self.relevance(String($0.key / 60_000_000_000), $0.value, minScore: minScore) }
        gaps = Dictionary(grouping: requests) { $0.dimensions[gapDimension] ?? "" }
            .map { Self.gap($0.key, $0.value, minScore: minScore) }
            .sorted { ($1.gaps, $1.gapShare, $0.group) < ($0.gaps, $0.gapShare, $1.group) }
        mostUsed = Array(uses.prefix(Self.listLength))
        let used = Set(uses.map(\.id))
        unused = Array(before.filter { !used.contains($0.id) }.prefix(Self.listLength))
        neverRetrieved = inventory.filter { !used.contains($0) }
        distinctDocuments = uses.count
        documentsTruncated = uses.count >= DocumentUseQuery.defaultLimit
            || uses.reduce(0) { $0 + $1.retrievals } >= DocumentUseQuery.defaultNewest * 9 / 10
    }

    /// Whether a request's retrieval found nothing relevant enough.
    static func isLow(_ r: RetrievedRequest, minScore: Double) -> Bool {
        guard let retrieved = r.retrieved else { return false }
        return retrieved == 0 || (r.topScore.map { $0 < minScore } ?? false)
    }

    static func relevance(_ group: String, _ requests: [RetrievedRequest], minScore: Double) -> RetrievalRelevance {
        let tops = requests.compactMap(\.topScore), means = requests.compactMap(\.meanScore)
        let utilisation = requests.compactMap(\.contextUtilisation)
        return RetrievalRelevance(
            group: group, requests: requests.count, meanTopScore: mean(tops), meanScore: mean(means),
            lowShare: requests.isEmpty ? 0 : Double(requests.count { isLow($0, minScore: minScore) }) / Double(requests.count),
            contextUtilisation: mean(utilisation), rerankedRequests: utilisation.count
        )
    }

    static func gap(_ group: String, _ requests: [RetrievedRequest], minScore: Double) -> ContentGap {
        let empty = requests.count { $0.retrieved == 0 }
        let low = requests.count { ($0.retrieved ?? 0) > 0 && isLow($0, minScore: minScore) }
        let gapRequests = requests.filter { isLow($0, minScore: minScore) || $0.negativeFeedback }
        return ContentGap(
            group: group, requests: requests.count, empty: empty, lowRelevance: low, negativeFeedback: requests.count(where: \.negativeFeedback),
            gaps: gapRequests.count, meanTopScore: mean(requests.compactMap(\.topScore)),
            exampleTraces: gapRequests.sorted { $0.startNanos > $1.startNanos }.prefix(3).map(\.traceId)
        )
    }

    private static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
}
