/// Everything known about one failure, as the classifier's input.
///
/// Every field is optional because every source reports a different subset: an OTel span from a
/// Python pipeline has `error.type` and an exception event; a proxy only has an HTTP status; a
/// Snowflake query has a SQL error message and nothing else.
public struct ErrorSignal: Sendable, Hashable, Codable {
    /// The HTTP status of the failed call, when there was one.
    public var httpStatus: Int?
    /// OpenTelemetry `error.type`: an exception class name, a provider error type, a status code
    /// as text, or a low-cardinality value such as `timeout`.
    public var errorType: String?
    /// `exception.type` from the span's exception event, e.g. `openai.RateLimitError`.
    public var exceptionType: String?
    /// The error or exception message, as reported.
    public var message: String?
    /// The provider's own error code, e.g. `rate_limit_exceeded`, `ThrottlingException`,
    /// `RESOURCE_EXHAUSTED`, `-1001`.
    public var code: String?
    /// Canonical provider name (`openai`, `anthropic`, `aws.bedrock`, `gcp.vertex_ai`, …).
    public var provider: String?
    /// What the failed span was doing.
    public var operation: OperationKind?

    public init(
        httpStatus: Int? = nil, errorType: String? = nil, exceptionType: String? = nil, message: String? = nil,
        code: String? = nil, provider: String? = nil, operation: OperationKind? = nil
    ) {
        self.httpStatus = httpStatus
        self.errorType = errorType
        self.exceptionType = exceptionType
        self.message = message
        self.code = code
        self.provider = provider
        self.operation = operation
    }

    /// The signal a normalised span carries: its error fields, provider and operation, the HTTP
    /// status attribute, and the last exception event (the one ``SpanNormalizer`` reads too).
    public init(span: SpanRecord) {
        let exception = span.events.last(where: \.isException)?.attributes
        let status =
            span.attributes["http.response.status_code"]?.intValue ?? span.attributes["http.status_code"]?.intValue
        self.init(
            httpStatus: status.flatMap { Int(exactly: $0) },
            errorType: span.errorType,
            exceptionType: exception?["exception.type"]?.stringValue,
            message: span.errorMessage ?? exception?["exception.message"]?.stringValue,
            code: span.attributes["error.code"]?.stringValue,
            provider: span.provider,
            operation: span.operation
        )
    }
}
