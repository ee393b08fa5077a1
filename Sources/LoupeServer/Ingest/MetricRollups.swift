import LoupeCore
import LoupeStore

/// Turns GenAI metric points into rollup deltas, so that a service that sends `gen_ai.client.*`
/// metrics instead of spans appears in every summary, chart and alert, in the same units.
///
/// Each point is read as a span like the ones it counts would be: its attributes go through the
/// same convention mapping and enrichers (which name the model and provider, classify `error.type`
/// and price the tokens), and its values then add to the rows such a span lands in, as calls:
/// - duration points bring the calls, their failures and their latency histogram;
/// - token points bring input and output tokens and their cost (priced like a span's, as one sum);
///   input-token points also say how many of the calls were priced;
/// - time-to-first-chunk points bring the streaming latency.
///
/// A service whose spans report its model calls (``SpanSenders``) has its metrics left aside.
struct MetricRollups: Sendable {
    let pipeline: IngestPipeline
    let series: CumulativeSeries
    /// Services whose spans already count their calls: their metrics are left aside.
    let spanSenders: SpanSenders

    /// The rollup deltas of some points, and how many points added to them: not those that added
    /// nothing (a cumulative baseline, a repeat) nor those of a service that sends spans too.
    /// `project` is the caller's, as for spans.
    func rollups(of points: [MetricPoint], project: String?, nowNanos: Int64) -> (rollups: RollupAggregator, stored: Int) {
        var rollups = RollupAggregator()
        var stored = 0
        for point in points {
            guard let kind = GenAIMetricKind(point: point), let (histogram, since) = series.delta(of: point), histogram.count > 0 else { continue }
            let tokens = kind.tokenDirection.map { ($0, Int64(histogram.sum.rounded())) }
            let call = span(like: point, since: since, tokens: tokens, project: project)
            guard !spanSenders.sendsSpans(project: call.project, service: call.service, nowNanos: nowNanos) else { continue }
            rollups.add(measures(kind, histogram, unit: point.unit, call: call), like: call)
            stored += 1
        }
        return (rollups, stored)
    }

    private func measures(_ kind: GenAIMetricKind, _ histogram: MetricHistogram, unit: String, call: SpanRecord) -> RollupMeasures {
        var measures = RollupMeasures()
        switch kind {
        case .duration:
            let scale = GenAIMetricKind.millisecondsPerUnit(unit)
            measures.count = histogram.count
            measures.errors = call.isError ? histogram.count : 0
            measures.durationSumMs = histogram.sum * scale
            for (value, n) in histogram.representatives() {
                measures.latency.add(bucket: LatencyHistogram.bucketIndex(ofMs: value * scale), count: UInt64(n))
            }
        case .timeToFirstToken:
            let scale = GenAIMetricKind.millisecondsPerUnit(unit)
            for (value, n) in histogram.representatives() {
                measures.timeToFirstToken.add(bucket: LatencyHistogram.bucketIndex(ofMs: value * scale), count: UInt64(n))
            }
        case .tokens(let direction):
            guard call.countsUsage else { break }
            let sum = Int64(histogram.sum.rounded())
            if direction == .input { measures.inputTokens = sum } else { measures.outputTokens = sum }
            measures.totalTokens = sum
            if let cost = call.costUSD { measures.costUSD = cost }
            // One input-token value per call: the calls' priced or unpriced count comes from these alone.
            if direction == .input {
                if call.costUSD != nil { measures.pricedCalls = histogram.count } else { measures.unpricedCalls = histogram.count }
            }
        }
        return measures
    }

    /// A span standing for the point's calls: normalised and enriched as spans are, in the middle of
    /// the interval the point covers, and a call (never a request: no span says where work started).
    private func span(like point: MetricPoint, since: Int64, tokens: (GenAIMetricKind.TokenDirection, Int64)?, project: String?) -> SpanRecord {
        var attributes = point.attributes
        attributes["gen_ai.token.type"] = nil
        // A client metric is of a model call even when it does not say which: OpenLLMetry's
        // duration point of a failed call carries `error.type` and nothing else.
        if attributes["gen_ai.operation.name"] == nil, point.name.hasPrefix("gen_ai.client.") {
            attributes["gen_ai.operation.name"] = .string(point.name.contains(".embeddings.") ? "embeddings" : "chat")
        }
        if let (direction, count) = tokens {
            attributes[direction == .input ? "gen_ai.usage.input_tokens" : "gen_ai.usage.output_tokens"] = .int(count)
        }
        let errorType = attributes["error.type"]?.stringValue
        let middle = since + (point.timeNanos - since) / 2
        let raw = RawSpan(
            traceId: Self.noTrace, spanId: Self.noSpan, name: attributes["gen_ai.operation.name"]?.stringValue ?? point.name, kind: .client,
            startNanos: middle, endNanos: middle, statusCode: errorType == nil ? .unset : .error, statusMessage: errorType,
            attributes: attributes, resourceAttributes: point.resourceAttributes, scopeName: point.scopeName
        )
        var record = pipeline.normalizer.normalize(raw, project: project)
        record.role = SpanRole(isEntry: false, operation: record.operation)
        pipeline.enrich(&record)
        return record
    }

    private static let noTrace = String(repeating: "0", count: 32)
    private static let noSpan = String(repeating: "0", count: 16)
}

extension GenAIMetricKind {
    fileprivate var tokenDirection: TokenDirection? {
        if case .tokens(let direction) = self { return direction }
        return nil
    }
}
