import Synchronization
import Tracing

/// Mirrors Loupe's sampled spans into a swift-distributed-tracing `Tracer`: the one the
/// application bootstrapped (`InstrumentationSystem.tracer`, read on each span) or one injected.
///
/// ```swift
/// InstrumentationSystem.bootstrap(otelTracer)
/// try telemetry.attach("tracing", to: TracingTelemetryHandler.patterns, handler: TracingTelemetryHandler())
/// ```
///
/// Each Loupe span becomes one tracer span with the same name, kind, start and end instants,
/// attributes (mapped to `SpanAttributes`), events, status, and its failure recorded with
/// `recordError` (as a ``MirroredSpanError``). Nesting is kept: a span that ends while its
/// parent still runs is held until the parent ends, then started under the parent's mirror —
/// the tracer sees the whole subtree at once, with the original timestamps. A root span is
/// started under the `ServiceContext` that was current when it started, so Loupe spans nest
/// under the application's own tracing spans (an HTTP server span, say); a root continuing a
/// remote trace (`withSpanContext` with an extracted `traceparent`) is handed to the tracer's
/// extractor instead when no `ServiceContext` is current.
///
/// Held spans are bounded (`maxHeldSpans`); past the bound, a span is mirrored immediately
/// without its parent link. A span that ends after its parent ended is mirrored as a root.
/// Mirrors are created as spans end, so instrumentation running inside a Loupe span does not
/// see the mirror as its `ServiceContext` parent.
public final class TracingTelemetryHandler: TelemetryHandler, Sendable {
    /// Every event: spans from any prefix are mirrored, and other events are skipped with a
    /// suffix check.
    public static let patterns: [EventPattern] = [.all]

    private let injectedTracer: (any Tracer)?
    private let maxHeldSpans: Int
    private let state = Mutex(State())

    /// - Parameters:
    ///   - tracer: the tracer to mirror into; nil uses `InstrumentationSystem.tracer`.
    ///   - maxHeldSpans: how many started-but-unfinished and finished-but-held spans are kept.
    public init(tracer: (any Tracer)? = nil, maxHeldSpans: Int = 10_000) {
        self.injectedTracer = tracer
        self.maxHeldSpans = maxHeldSpans
    }

    /// Notes span starts and mirrors sampled spans as they end; ignores other events.
    public func handle(_ event: TelemetryEvent) {
        let name = event.name.rawValue
        if name.hasSuffix(".start") {
            spanStarted(event)
        } else if let finished = event.finishedSpan, name.hasSuffix(".stop") || name.hasSuffix(".exception") {
            spanEnded(finished)
        }
    }

    private var tracer: any Tracer {
        injectedTracer ?? InstrumentationSystem.tracer
    }

    /// Remembers a sampled span's parent and ambient context, so its children can be held.
    private func spanStarted(_ event: TelemetryEvent) {
        // A span's start event carries the new span's context while its parent is still current;
        // a plain emit named `….start` carries the current context itself, and no start time.
        let parent = SpanContext.current
        guard let context = event.spanContext, context.isSampled, context != parent,
            event.measurements[MeasurementKey.systemTimeNanos] != nil
        else { return }
        let ambient = ambientContext(parent: parent)
        state.withLock { state in
            guard state.held < maxHeldSpans else { return }
            let parentID = parent.flatMap { state.running[$0.spanID] == nil ? nil : $0.spanID }
            state.running[context.spanID] = Running(parentID: parentID, ambient: ambient)
            state.held += 1
        }
    }

    /// Holds a finished span under its running parent, or mirrors it with everything it held.
    private func spanEnded(_ span: FinishedSpan) {
        let ready: (node: Node, parent: ServiceContext)? = state.withLock { state in
            let running = state.running.removeValue(forKey: span.context.spanID)
            if running != nil { state.held -= 1 }
            let node = Node(span: span, children: running?.children ?? [])
            if let parentID = running?.parentID, state.running[parentID] != nil {
                if state.held < maxHeldSpans {
                    // Its descendants are already counted; only the span itself is newly held.
                    state.running[parentID]?.children.append(node)
                    state.held += 1
                    return nil
                }
                return (node, state.running[parentID]?.ambient ?? ServiceContext.topLevel)
            }
            return (node, running?.ambient ?? ServiceContext.current ?? .topLevel)
        }
        guard let ready else { return }
        // The span's own running entry is already released; release its held descendants.
        state.withLock { $0.held -= ready.node.count - 1 }
        mirror(ready.node, under: ready.parent, into: tracer)
    }

    /// Starts, fills and ends the mirror of `node`, its children in between.
    private func mirror(_ node: Node, under parent: ServiceContext, into tracer: any Tracer) {
        let finished = node.span
        let span = tracer.startSpan(
            finished.name, context: parent, ofKind: Self.kind(finished.kind), at: Self.instant(finished.startUnixNanos))
        span.attributes = finished.attributes.spanAttributes
        for event in finished.events {
            let attributes = event.attributes.spanAttributes
            if event.isException {
                let error = MirroredSpanError(
                    type: event.attributes[ErrorAttributes.exceptionType]?.stringValue ?? "",
                    message: event.attributes[ErrorAttributes.exceptionMessage]?.stringValue ?? "")
                span.recordError(error, attributes: attributes, at: Self.instant(event.timeNanos))
            } else {
                span.addEvent(Tracing.SpanEvent(name: event.name, at: Self.instant(event.timeNanos), attributes: attributes))
            }
        }
        switch finished.status {
        case .error: span.setStatus(Tracing.SpanStatus(code: .error, message: finished.statusMessage))
        case .ok: span.setStatus(Tracing.SpanStatus(code: .ok))
        case .unset: break
        }
        for child in node.children.sorted(by: { $0.span.startUnixNanos < $1.span.startUnixNanos }) {
            mirror(child, under: span.context, into: tracer)
        }
        span.end(at: Self.instant(finished.endUnixNanos))
    }

    /// The context a root mirror starts under: the application's current tracing context, else
    /// the remote parent Loupe continues, as the tracer's own propagator reads it.
    private func ambientContext(parent: SpanContext?) -> ServiceContext {
        if let current = ServiceContext.current { return current }
        var context = ServiceContext.topLevel
        if let parent, parent.isRemote {
            var headers: [String: String] = [:]
            TraceContextPropagator.inject(parent, into: &headers)
            tracer.extract(headers, into: &context, using: HeaderExtractor())
        }
        return context
    }

    private static func instant(_ unixNanos: Int64) -> DefaultTracerClock.Timestamp {
        DefaultTracerClock.Timestamp(nanosecondsSinceEpoch: UInt64(clamping: unixNanos))
    }

    private static func kind(_ kind: LoupeCore.SpanKind) -> Tracing.SpanKind {
        switch kind {
        case .server: return .server
        case .client: return .client
        case .producer: return .producer
        case .consumer: return .consumer
        case .internal, .unspecified: return .internal
        }
    }
}

extension TracingTelemetryHandler {
    /// What is held, keyed by Loupe span id; guarded by the handler's lock.
    private struct State: Sendable {
        var running: [SpanID: Running] = [:]
        /// Running spans plus finished spans held under them.
        var held = 0
    }

    /// A sampled span that started and has not ended.
    private struct Running: Sendable {
        /// The parent, when it is running too (and so will mirror this span).
        var parentID: SpanID?
        var ambient: ServiceContext
        var children: [Node] = []
    }

    /// A finished span and the finished descendants held under it.
    private struct Node: Sendable {
        var span: FinishedSpan
        var children: [Node]

        var count: Int { 1 + children.reduce(0) { $0 + $1.count } }
    }

    private struct HeaderExtractor: Extractor {
        func extract(key: String, from carrier: [String: String]) -> String? {
            carrier[key] ?? carrier.first { $0.key.lowercased() == key.lowercased() }?.value
        }
    }
}
