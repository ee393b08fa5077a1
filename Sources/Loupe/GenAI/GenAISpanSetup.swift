/// What a GenAI helper's span starts with; built only when someone listens, so an unobserved
/// helper allocates no span name or attribute dictionary.
struct GenAISpanSetup {
    var name: String
    var attributes: [String: AttributeValue]
    var finisher: SpanStorage.Finisher?
}

extension Telemetry {
    func startGenAISpan(_ event: EventName, kind: SpanKind, _ setup: () -> GenAISpanSetup) -> Span {
        guard ListenerGate.isOpen, !registry.isEmpty else { return .nonRecording }
        let setup = setup()
        return Span(
            storage: makeSpan(
                event, name: setup.name, kind: kind, attributes: setup.attributes, finisher: setup.finisher))
    }

    /// Prices the call from its recorded usage when it ends.
    func costFinisher(evenWithoutUsage: Bool) -> SpanStorage.Finisher? {
        guard let pricing = configuration.pricing else { return nil }
        return { recording, start, _ in
            pricing.recordCost(in: &recording, atUnixNanos: start.unixNanos, evenWithoutUsage: evenWithoutUsage)
        }
    }
}
