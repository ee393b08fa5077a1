import Hummingbird
import LoupeAnalytics
import LoupeStore

/// What `GET /api/v1/retrieval` answers: relevance, context utilisation, content gaps and documents.
struct RetrievalBody: ResponseEncodable, Sendable {
    struct Relevance: Encodable, Sendable {
        var group: String?
        var requests: Int
        var meanTopScore: Nullable<Double>
        var meanScore: Nullable<Double>
        var lowShare: Double
        var contextUtilisation: Nullable<Double>
        var rerankedRequests: Int

        enum CodingKeys: String, CodingKey {
            case group, requests
            case meanTopScore = "mean_top_score", meanScore = "mean_score", lowShare = "low_share"
            case contextUtilisation = "context_utilisation", rerankedRequests = "reranked_requests"
        }

        init(_ r: RetrievalRelevance, group: String?) {
            self.group = group
            requests = r.requests
            meanTopScore = Nullable(r.meanTopScore)
            meanScore = Nullable(r.meanScore)
            lowShare = r.lowShare
            contextUtilisation = Nullable(r.contextUtilisation)
            rerankedRequests = r.rerankedRequests
        }
    }

    struct Gap: Encodable, Sendable {
        var group: String
        var requests, empty, lowRelevance, negativeFeedback, gaps: Int
        var gapShare: Double
        var meanTopScore: Nullable<Double>
        var exampleTraces: [String]

        enum CodingKeys: String, CodingKey {
            case group, requests, empty, gaps
            case lowRelevance = "low_relevance", negativeFeedback = "negative_feedback", gapShare = "gap_share"
            case meanTopScore = "mean_top_score", exampleTraces = "example_traces"
        }

        init(_ g: ContentGap) {
            (group, requests, empty, lowRelevance, negativeFeedback, gaps) = (g.group, g.requests, g.empty, g.lowRelevance, g.negativeFeedback, g.gaps)
            gapShare = g.gapShare
            meanTopScore = Nullable(g.meanTopScore)
            exampleTraces = g.exampleTraces
        }
    }

    struct Document: Encodable, Sendable {
        var id: String
        var retrievals: Int
        var meanScore: Nullable<Double>
        var lastRetrieved: String

        enum CodingKeys: String, CodingKey { case id, retrievals, meanScore = "mean_score", lastRetrieved = "last_retrieved" }

        init(_ d: DocumentUse) {
            (id, retrievals, meanScore) = (d.id, d.retrievals, Nullable(d.meanScore))
            lastRetrieved = Timestamps.format(nanos: d.lastNanos)
        }
    }

    var from: String
    var to: String
    var stepSeconds: Int64
    var minScore: Double
    var gapDimension: String
    var overall: Relevance
    var byService: [Relevance]
    var overTime: [Relevance]
    var contentGaps: [Gap]
    var mostUsedDocuments: [Document]
    var unusedDocuments: [Document]
    var distinctDocuments: Int
    var truncated: Bool

    enum CodingKeys: String, CodingKey {
        case from, to, overall, truncated
        case stepSeconds = "step_seconds", minScore = "min_score", gapDimension = "gap_dimension", byService = "by_service"
        case overTime = "over_time", contentGaps = "content_gaps", mostUsedDocuments = "most_used_documents"
        case unusedDocuments = "unused_documents", distinctDocuments = "distinct_documents"
    }

    init(_ r: RetrievalReport) {
        from = Timestamps.format(nanos: r.range.fromNanos)
        to = Timestamps.format(nanos: r.range.toNanos)
        stepSeconds = r.stepSeconds
        minScore = r.minScore
        gapDimension = r.gapDimension
        overall = Relevance(r.overall, group: nil)
        byService = r.byService.map { Relevance($0, group: $0.group) }
        overTime = r.overTime.map { Relevance($0, group: Timestamps.format(nanos: (Int64($0.group) ?? 0) * 60_000_000_000)) }
        contentGaps = r.gaps.map(Gap.init)
        mostUsedDocuments = r.mostUsed.map(Document.init)
        unusedDocuments = r.unused.map(Document.init)
        distinctDocuments = r.distinctDocuments
        truncated = r.truncated
    }
}
