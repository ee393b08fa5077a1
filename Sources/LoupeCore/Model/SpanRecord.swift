/// The one normalised record every span becomes, whichever convention it arrived in.
///
/// Nothing downstream of ``SpanNormalizer`` knows whether a span spoke OpenTelemetry GenAI,
/// OpenInference, the Vercel AI SDK or OpenLLMetry.
public struct SpanRecord: Sendable, Hashable {
    public var traceId: String
    public var spanId: String
    public var parentSpanId: String?
    public var project: String
    public var service: String
    public var name: String
    public var operation: OperationKind
    public var spanKind: SpanKind
    /// The units this span counts in besides spans: a request when it is its service's entry point
    /// (``SpanRole/isEntry(parentSpanId:parentIsRemote:kind:)``), a call when it is a model
    /// operation that does not merely wrap another call (see ``ModelCallWrappers``).
    public var role: SpanRole
    public var startNanos: Int64
    public var endNanos: Int64
    public var status: SpanStatus
    public var errorType: String?
    public var errorMessage: String?
    /// Set by the error classifier at ingest; nil on successful spans.
    public var errorCategory: String?
    /// Groups failures that differ only in numbers, ids and quoted values; set with the category.
    public var errorFingerprint: String?
    public var provider: String?
    public var requestModel: String?
    public var responseModel: String?
    public var usage: TokenUsage
    /// Whether this span's tokens and cost count towards totals. Wrappers (agent runs, SDK outer
    /// spans) repeat their children's usage, so only model calls count, which keeps totals single.
    public var countsUsage: Bool
    /// Nil when the model has no known price: unpriced is never a silent zero.
    public var costUSD: Double?
    public var timeToFirstTokenMs: Double?
    public var finishReason: String?
    /// The provider's id for the response (``ConventionTable/responseId``): two spans with one id report one call.
    public var responseId: String?
    public var userId: String?
    public var sessionId: String?
    /// Configured business dimensions (e.g. `business_unit`), by name.
    public var dimensions: [String: String]
    /// Attributes no field of this record took, kept as they came.
    public var attributes: [String: AttributeValue]
    public var resourceAttributes: [String: AttributeValue]
    public var events: [SpanEvent]
    /// What a retrieval or reranking span returned (``reportedDocuments(attributes:events:)``), read
    /// at normalisation, before redaction may drop the attributes that carry it. Stores keep it in
    /// their retrieval records, not on the span: spans read back leave it nil.
    public var documents: [RetrievedDocument]?

    public init(
        traceId: String, spanId: String, parentSpanId: String? = nil, project: String = "default",
        service: String = "unknown_service", name: String, operation: OperationKind = .stage,
        spanKind: SpanKind = .internal, role: SpanRole? = nil, startNanos: Int64, endNanos: Int64, status: SpanStatus = .unset,
        errorType: String? = nil, errorMessage: String? = nil, errorCategory: String? = nil, errorFingerprint: String? = nil,
        provider: String? = nil, requestModel: String? = nil, responseModel: String? = nil,
        usage: TokenUsage = .none, countsUsage: Bool = false, costUSD: Double? = nil,
        timeToFirstTokenMs: Double? = nil, finishReason: String? = nil, responseId: String? = nil, userId: String? = nil,
        sessionId: String? = nil, dimensions: [String: String] = [:], attributes: [String: AttributeValue] = [:],
        resourceAttributes: [String: AttributeValue] = [:], events: [SpanEvent] = [], documents: [RetrievedDocument]? = nil
    ) {
        self.documents = documents
        self.traceId = traceId
        self.spanId = spanId
        self.parentSpanId = parentSpanId
        self.project = project
        self.service = service
        self.name = name
        self.operation = operation
        self.spanKind = spanKind
        self.role = role ?? SpanRole(
            isEntry: SpanRole.isEntry(parentSpanId: parentSpanId, parentIsRemote: false, kind: spanKind), operation: operation
        )
        self.startNanos = startNanos
        self.endNanos = endNanos
        self.status = status
        self.errorType = errorType
        self.errorMessage = errorMessage
        self.errorCategory = errorCategory
        self.errorFingerprint = errorFingerprint
        self.provider = provider
        self.requestModel = requestModel
        self.responseModel = responseModel
        self.usage = usage
        self.countsUsage = countsUsage
        self.costUSD = costUSD
        self.timeToFirstTokenMs = timeToFirstTokenMs
        self.finishReason = finishReason
        self.responseId = responseId
        self.userId = userId
        self.sessionId = sessionId
        self.dimensions = dimensions
        self.attributes = attributes
        self.resourceAttributes = resourceAttributes
        self.events = events
    }

    public var durationMs: Double { Double(endNanos &- startNanos) / 1_000_000 }

    /// The model to group by: the one the caller asked for, else the one that answered.
    public var model: String? { requestModel ?? responseModel }

    public var isError: Bool { status.isError }

    /// Whether this span is a request: its service's entry point.
    public var isEntry: Bool { role.contains(.request) }

    /// Tokens that count towards totals (zero for wrappers, see ``countsUsage``).
    public var countedUsage: TokenUsage { countsUsage ? usage : .none }
}
