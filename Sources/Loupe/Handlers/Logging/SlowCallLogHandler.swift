import Logging

/// Logs the spans worth a human's attention: a `.warning` when a span's `stop` comes later than its
/// threshold, an `.error` when a span ends with `exception`.
///
/// Thresholds are per event prefix, the most specific prefix winning, so a slow retrieval and a
/// slow LLM call can mean different things:
///
/// ```swift
/// let slowCalls = SlowCallLogHandler(
///     logger: logger, threshold: .seconds(5),
///     thresholds: [EventName.retrieval: .milliseconds(500), EventName.llmCall: .seconds(20)])
/// try telemetry.attach("slow-calls", to: SlowCallLogHandler.patterns, handler: slowCalls)
/// ```
///
/// Each line carries the span's duration, its GenAI labels (operation, provider, model, tokens,
/// cost…) and its `trace_id`/`span_id`, which ``JSONLogHandler`` lifts to the top level.
public struct SlowCallLogHandler: TelemetryHandler {
    /// Every event: the handler itself picks out span `stop` and `exception` events, which is a
    /// suffix check, so user spans outside `loupe.` are covered too.
    public static let patterns: [EventPattern] = [.all]

    /// The span attributes copied into log metadata when present: enough to tell which call it
    /// was without opening the trace.
    static let labelKeys: [String] = [
        LoupeAttributes.operationKind, GenAIAttributes.operationName, GenAIAttributes.providerName,
        GenAIAttributes.requestModel, GenAIAttributes.responseModel, LoupeAttributes.stageName,
        GenAIAttributes.toolName, GenAIAttributes.agentName, GenAIAttributes.dataSourceID,
        GenAIAttributes.usageInputTokens, GenAIAttributes.usageOutputTokens, GenAIAttributes.responseTimeToFirstChunk,
        LoupeAttributes.costUSD,
    ]

    private let logger: Logger
    private let defaultThresholdNanos: Double?
    /// Most segments first, so the first match is the most specific prefix.
    private let thresholds: [(prefix: EventName, nanos: Double)]
    private let logsFailures: Bool

    /// - Parameters:
    ///   - logger: where lines go; its level still applies.
    ///   - threshold: the threshold for spans no entry of `thresholds` covers; nil logs only those
    ///     spans that `thresholds` covers.
    ///   - thresholds: thresholds by event prefix (`EventName.llmCall`, `"loupe"`, `"shop.checkout"`).
    ///   - logsFailures: whether `exception` events are logged as errors.
    public init(
        logger: Logger, threshold: Duration? = .seconds(5), thresholds: [EventName: Duration] = [:],
        logsFailures: Bool = true
    ) {
        self.logger = logger
        self.defaultThresholdNanos = threshold.map(\.doubleNanoseconds)
        self.thresholds = thresholds.map { (prefix: $0.key, nanos: $0.value.doubleNanoseconds) }
            .sorted { $0.prefix.segments.count > $1.prefix.segments.count }
        self.logsFailures = logsFailures
    }

    /// Logs a span `stop` over its threshold or a span `exception`; ignores other events.
    public func handle(_ event: TelemetryEvent) {
        // Only span events carry a duration; a plain emit named `….stop` is not a call.
        guard let nanos = event.measurements[MeasurementKey.durationNanos] else { return }
        let name = event.name.rawValue
        if name.hasSuffix(".stop") {
            let prefix = EventName(String(name.dropLast(5)))
            guard let threshold = threshold(for: prefix), nanos >= threshold else { return }
            logger.warning(
                "slow call: \(Self.callName(event, prefix)) took \(Self.seconds(nanos)) s (threshold \(Self.seconds(threshold)) s)",
                metadata: Self.metadata(event, prefix: prefix, nanos: nanos, thresholdNanos: threshold))
        } else if logsFailures, name.hasSuffix(".exception") {
            let prefix = EventName(String(name.dropLast(10)))
            let reason = event.metadata[ErrorAttributes.exceptionMessage]?.stringValue
                ?? event.metadata[ErrorAttributes.errorType]?.stringValue ?? "unknown error"
            logger.error(
                "failed call: \(Self.callName(event, prefix)) after \(Self.seconds(nanos)) s: \(reason)",
                metadata: Self.metadata(event, prefix: prefix, nanos: nanos, thresholdNanos: nil))
        }
    }

    private func threshold(for prefix: EventName) -> Double? {
        thresholds.first { prefix.hasPrefix($0.prefix) }?.nanos ?? defaultThresholdNanos
    }

    /// The span's display name (`chat gpt-4o-mini`) when it was sampled, else its event prefix.
    private static func callName(_ event: TelemetryEvent, _ prefix: EventName) -> String {
        event.finishedSpan?.name ?? prefix.rawValue
    }

    private static func metadata(
        _ event: TelemetryEvent, prefix: EventName, nanos: Double, thresholdNanos: Double?
    ) -> Logger.Metadata {
        var metadata: Logger.Metadata = [
            "loupe.event": .string(prefix.rawValue),
            "duration_s": .stringConvertible(seconds(nanos)),
        ]
        if let thresholdNanos { metadata["threshold_s"] = .stringConvertible(seconds(thresholdNanos)) }
        for key in labelKeys {
            if let value = event.metadata[key]?.stringValue { metadata[key] = .string(value) }
        }
        if thresholdNanos == nil {
            for key in [ErrorAttributes.errorType, ErrorAttributes.exceptionMessage] {
                if let value = event.metadata[key]?.stringValue { metadata[key] = .string(value) }
            }
        }
        if let context = event.spanContext {
            metadata[JSONLogHandler.traceIDKey] = .string(context.traceID.hexString)
            metadata[JSONLogHandler.spanIDKey] = .string(context.spanID.hexString)
        }
        return metadata
    }

    /// Seconds rounded to the millisecond: `3.2`, not `3.2000000000000002`.
    private static func seconds(_ nanos: Double) -> Double {
        (nanos / 1e6).rounded() / 1_000
    }
}
