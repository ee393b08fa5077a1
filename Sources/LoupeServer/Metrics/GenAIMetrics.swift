import LoupeCore
import LoupeStore
import Prometheus

/// GenAI metrics derived from every committed span, named after the OpenTelemetry GenAI metrics
/// (`gen_ai.client.operation.duration`, `gen_ai.client.token.usage`) plus Loupe's cost, requests
/// and errors. Labels are bounded: project, service, operation, provider, model and error
/// category, never user or trace, and at most ``labelSetLimit`` sets per metric.
///
/// A span a client resends is counted again here (the API's numbers deduplicate); clients resend
/// only after a failed export.
public final class GenAIMetrics: Sendable {
    let registry: PrometheusCollectorRegistry
    private let budget: LabelBudget
    public static let labelSetLimit = 2_000
    /// Seed 004's latency buckets (10 ms to 10 s), in seconds.
    public static let durationBuckets: [Double] = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
    /// The OpenTelemetry GenAI semantic conventions' advice for token usage.
    public static let tokenBuckets: [Double] = [1, 4, 16, 64, 256, 1_024, 4_096, 16_384, 65_536, 262_144, 1_048_576, 4_194_304]

    public init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
        self.budget = LabelBudget(limit: Self.labelSetLimit)
    }

    /// Counts a committed batch.
    public func record(_ batch: SpanBatch) {
        for span in batch.segments.joined() { record(span) }
    }

    func record(_ span: SpanRecord) {
        let base = [("project", span.project), ("service", span.service)]
        if span.role.contains(.request) {
            let labels = budget.admit(base + [("status", span.isError ? "error" : "ok")])
            registry.makeCounter(descriptor: .named("loupe_genai_requests_total", help: "Requests (entry spans) ingested."), labels: labels)
                .increment()
            registry.makeValueHistogram(
                descriptor: .named("loupe_genai_request_duration_seconds", help: "Duration of requests (entry spans), in seconds."),
                labels: labels, buckets: Self.durationBuckets
            ).record(span.durationMs / 1_000)
        }
        guard span.role.contains(.call) else { return }
        let call = budget.admit(base + [
            ("gen_ai_operation_name", span.operation.rawValue), ("gen_ai_provider_name", span.provider ?? ""),
            ("gen_ai_request_model", span.model ?? ""),
        ])
        var timed = call
        if span.isError { timed.append(("error_type", span.errorCategory ?? "unknown")) }
        registry.makeValueHistogram(
            descriptor: .named("gen_ai_client_operation_duration_seconds", help: "Duration of GenAI model calls, in seconds."),
            labels: timed, buckets: Self.durationBuckets
        ).record(span.durationMs / 1_000)
        if span.isError {
            registry.makeCounter(
                descriptor: .named("loupe_genai_errors_total", help: "Failed model calls, by error category."),
                labels: call + [("error_category", span.errorCategory ?? "unknown")]
            ).increment()
        }
        guard span.countsUsage else { return }
        let usage = span.usage
        for (type, tokens) in [("input", usage.input), ("output", usage.output)] {
            guard let tokens, tokens >= 0 else { continue }
            registry.makeValueHistogram(
                descriptor: .named("gen_ai_client_token_usage", help: "Tokens used per GenAI model call."),
                labels: call + [("gen_ai_token_type", type)], buckets: Self.tokenBuckets
            ).record(Double(tokens))
        }
        if let cost = span.costUSD {
            registry.makeCounter(descriptor: .named("loupe_genai_cost_usd_total", help: "Cost of priced model calls, in US dollars."), labels: call)
                .increment(by: cost)
        }
    }
}
