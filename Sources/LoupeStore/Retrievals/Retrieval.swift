import LoupeCore

/// One retrieval or reranking step of a request, as stores keep it: what it returned.
public struct Retrieval: Sendable, Hashable {
    public var traceId: String
    public var spanId: String
    public var project: String
    public var startNanos: Int64
    /// A reranking step, whose documents are those kept for the prompt; else a retrieval.
    public var isRerank: Bool
    public var documents: [RetrievedDocument]

    public init(traceId: String, spanId: String, project: String, startNanos: Int64, isRerank: Bool, documents: [RetrievedDocument]) {
        self.traceId = traceId
        self.spanId = spanId
        self.project = project
        self.startNanos = startNanos
        self.isRerank = isRerank
        self.documents = documents
    }

    /// The step a span reports; nil for spans that are not a retrieval or reranking step, that
    /// failed, or that did not report what they returned (``SpanRecord/documents``).
    public init?(_ span: SpanRecord) {
        guard span.operation == .retrieval || span.operation == .rerank, !span.isError, let documents = span.documents else { return nil }
        self.init(
            traceId: span.traceId, spanId: span.spanId, project: span.project, startNanos: span.startNanos,
            isRerank: span.operation == .rerank, documents: documents
        )
    }

    /// The documents' scores, for those that have one.
    public var scores: [Double] { documents.compactMap(\.score) }

    /// The best score among the documents, nil when none is scored.
    public var topScore: Double? { scores.max() }

    /// Whether the step ran in a range, in the project when one is named.
    public func ran(fromNanos: Int64, toNanos: Int64, project: String?) -> Bool {
        startNanos >= fromNanos && startNanos < toNanos && (project == nil || self.project == project)
    }
}
