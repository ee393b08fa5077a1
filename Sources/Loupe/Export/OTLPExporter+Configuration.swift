extension OTLPExporter {
    /// Where and how spans are exported. Start from ``default`` and apply the standard
    /// OpenTelemetry environment variables with ``applyingEnvironment(_:)``.
    ///
    /// ```swift
    /// var configuration = OTLPExporter.Configuration.default.applyingEnvironment()
    /// configuration.maxBatchSize = 256
    /// ```
    public struct Configuration: Sendable {
        /// The full URL spans are POSTed to, path included: `http://localhost:4318/v1/traces`.
        public var endpoint: String
        /// Extra request headers, e.g. an `Authorization` the collector wants.
        public var headers: [String: String]
        /// The resource every span is exported under (`service.name`, `deployment.environment`…).
        public var resource: [String: AttributeValue]
        /// The instrumentation scope name of the exported spans.
        public var scopeName: String
        /// gzip by default.
        public var compression: Compression
        /// Spans held while waiting for export; past it ``overflowPolicy`` drops one.
        public var maxQueueSize: Int
        /// Spans per request; a full batch is exported right away.
        public var maxBatchSize: Int
        /// The longest a span waits for a batch to fill before it is exported anyway.
        public var maxDelay: Duration
        /// The time limit of one HTTP request, response included.
        public var exportTimeout: Duration
        /// Which span is dropped when the queue is full.
        public var overflowPolicy: OverflowPolicy
        /// When and how often a failed export is tried again.
        public var retry: RetryPolicy

        /// A configuration; every parameter defaults to the value in ``default``.
        public init(
            endpoint: String = "http://localhost:4318/v1/traces", headers: [String: String] = [:],
            resource: [String: AttributeValue] = Configuration.defaultResource,
            scopeName: String = FinishedSpan.defaultScopeName, compression: Compression = .gzip,
            maxQueueSize: Int = 2_048, maxBatchSize: Int = 512, maxDelay: Duration = .seconds(5),
            exportTimeout: Duration = .seconds(10), overflowPolicy: OverflowPolicy = .dropNewest,
            retry: RetryPolicy = .default
        ) {
            self.endpoint = endpoint
            self.headers = headers
            self.resource = resource
            self.scopeName = scopeName
            self.compression = compression
            self.maxQueueSize = max(1, maxQueueSize)
            self.maxBatchSize = max(1, maxBatchSize)
            self.maxDelay = maxDelay
            self.exportTimeout = exportTimeout
            self.overflowPolicy = overflowPolicy
            self.retry = retry
        }

        /// OTLP/HTTP on localhost:4318, gzip, batches of 512 every 5 s at most, a queue of 2,048,
        /// and the default retry policy — the OpenTelemetry SDK defaults.
        public static let `default` = Configuration()

        /// `service.name = unknown_service`, as OpenTelemetry names a service nobody named, and
        /// the SDK's own `telemetry.sdk.*` attributes.
        public static let defaultResource: [String: AttributeValue] = [
            "service.name": "unknown_service",
            "telemetry.sdk.name": "loupe",
            "telemetry.sdk.language": "swift",
        ]
    }
}
