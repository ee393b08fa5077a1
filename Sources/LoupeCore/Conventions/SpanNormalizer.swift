import Foundation

/// Turns a ``RawSpan`` in any supported convention into one ``SpanRecord``, using ``ConventionTable``.
public struct SpanNormalizer: Sendable {
    public var options: NormalizationOptions
    private let index: ConventionIndex

    public init(options: NormalizationOptions = .default) {
        self.options = options
        self.index = ConventionIndex(businessDimensions: options.businessDimensions)
    }

    public func normalize(_ raw: RawSpan, project projectOverride: String? = nil) -> SpanRecord {
        // One pass: each attribute either fills a field (the best-ranked source wins) or is kept.
        var found = [(rank: Int, value: AttributeValue, unit: AttributeSource.Unit)?](repeating: nil, count: ConventionIndex.Field.allCases.count)
        var remaining = [String: AttributeValue](minimumCapacity: raw.attributes.count)
        var dimensionValues = [(rank: Int, value: String)?](repeating: nil, count: options.businessDimensions.count)
        for (key, value) in raw.attributes {
            if let slot = index.slots[key] {
                if ConventionIndex.accepts(value, for: slot.field), found[slot.field.rawValue].map({ slot.rank < $0.rank }) ?? true {
                    found[slot.field.rawValue] = (slot.rank, value, slot.unit)
                }
                continue
            }
            remaining[key] = value
            if let slot = index.dimensionSlots[key] { offer(value, slot, rankOffset: 0, to: &dimensionValues) }
        }
        if !index.dimensionSlots.isEmpty {
            // Resource attributes are a fallback for labels the span itself does not carry.
            for (key, value) in raw.resourceAttributes {
                if let slot = index.dimensionSlots[key] { offer(value, slot, rankOffset: 1_000, to: &dimensionValues) }
            }
        }
        func value(_ field: ConventionIndex.Field) -> AttributeValue? { found[field.rawValue]?.value }
        func string(_ field: ConventionIndex.Field) -> String? { value(field)?.stringValue }
        func int(_ field: ConventionIndex.Field) -> Int64? { value(field)?.intValue }

        let usage = TokenUsage(
            input: int(.inputTokens), output: int(.outputTokens), cacheRead: int(.cacheReadTokens),
            cacheWrite: int(.cacheWriteTokens), reasoning: int(.reasoningTokens), total: int(.totalTokens)
        )
        let responseModel = string(.responseModel)
        // OpenLLMetry's LangChain instrumentation writes "unknown" for a chat model it cannot serialise.
        var requestModel = string(.requestModel).flatMap { $0 == "unknown" ? nil : $0 }
        if requestModel == nil && responseModel == nil, case .string(let json)? = raw.attributes["llm.invocation_parameters"] {
            // OpenInference names no model on a failed call: the one requested is only in these parameters.
            requestModel = invocationModel(json)
        }
        let operation = OperationKindResolver.resolve(
            attributes: raw.attributes, spanName: raw.name, hasModel: requestModel != nil || responseModel != nil,
            hasUsage: usage.isReported
        )

        let errorTypeAttribute = string(.errorType)
        let failed = raw.statusCode == .error || (errorTypeAttribute != nil && raw.statusCode != .ok)
        var errorType: String?
        var errorMessage: String?
        if failed {
            let exception = raw.events.last(where: \.isException)
            errorType = errorTypeAttribute ?? exception?.attributes["exception.type"]?.stringValue
            errorMessage = raw.statusMessage.flatMap { $0.isEmpty ? nil : $0 }
                ?? exception?.attributes["exception.message"]?.stringValue
        }

        var events = raw.events
        if events.contains(where: { ConventionTable.chunkEvents.contains($0.name) }) {
            events.removeAll { ConventionTable.chunkEvents.contains($0.name) }
            remaining["loupe.chunk_events"] = .int(Int64(raw.events.count - events.count))
        }

        var dimensions: [String: String] = [:]
        for (i, found) in dimensionValues.enumerated() {
            if let found { dimensions[options.businessDimensions[i]] = String(found.value.prefix(options.maxDimensionValueLength)) }
        }
        if dimensions.count < options.businessDimensions.count, case .string(let json)? = raw.attributes["metadata"] {
            openInferenceMetadata(json, into: &dimensions)
        }

        return SpanRecord(
            traceId: raw.traceId, spanId: raw.spanId, parentSpanId: raw.parentSpanId,
            project: projectOverride ?? projectName(raw.resourceAttributes),
            service: serviceName(raw.resourceAttributes),
            name: raw.name, operation: operation, spanKind: raw.kind,
            role: SpanRole(
                isEntry: SpanRole.isEntry(parentSpanId: raw.parentSpanId, parentIsRemote: raw.parentIsRemote, kind: raw.kind),
                operation: operation
            ),
            startNanos: raw.startNanos, endNanos: raw.endNanos,
            status: failed ? .error : raw.statusCode, errorType: errorType, errorMessage: errorMessage,
            provider: string(.provider).map(ProviderName.canonical),
            requestModel: requestModel, responseModel: responseModel, usage: usage,
            countsUsage: operation.isModelCall || (operation == .agent && raw.kind == .client),
            timeToFirstTokenMs: timeToFirstToken(found[ConventionIndex.Field.timeToFirstToken.rawValue], raw: raw),
            finishReason: string(.finishReason),
            responseId: string(.responseId) ?? (operation.isModelCall ? openInferenceResponseId(raw.attributes) : nil),
            userId: string(.userId), sessionId: string(.sessionId),
            dimensions: dimensions, attributes: remaining, resourceAttributes: raw.resourceAttributes, events: events,
            documents: operation == .retrieval || operation == .rerank ? SpanRecord.reportedDocuments(attributes: raw.attributes, events: events) : nil
        )
    }

    private func offer(
        _ value: AttributeValue, _ slot: ConventionIndex.DimensionSlot, rankOffset: Int,
        to values: inout [(rank: Int, value: String)?]
    ) {
        guard let text = value.stringValue, !text.isEmpty else { return }
        let rank = slot.rank + rankOffset
        if values[slot.index].map({ rank < $0.rank }) ?? true { values[slot.index] = (rank, text) }
    }

    /// The service a resource's telemetry comes from: `service.name`, else OpenTelemetry's `unknown_service`.
    public func serviceName(_ resource: [String: AttributeValue]) -> String {
        resource["service.name"]?.stringValue ?? "unknown_service"
    }

    /// The project a resource's telemetry belongs to when the caller does not say: its `loupe.project`
    /// (and the like) attribute, else the default project.
    public func projectName(_ resource: [String: AttributeValue]) -> String {
        for source in ConventionTable.project {
            if let name = resource[source.key]?.stringValue, !name.isEmpty { return name }
        }
        return options.defaultProject
    }

    private func timeToFirstToken(_ found: (rank: Int, value: AttributeValue, unit: AttributeSource.Unit)?, raw: RawSpan) -> Double? {
        if let found, let value = found.value.doubleValue {
            return found.unit == .secondsToMilliseconds ? value * 1000 : value
        }
        // OpenInference instrumentors mark the first streamed token with an event instead.
        if let first = raw.events.first(where: { $0.name == "First Token Stream Event" }), first.timeNanos >= raw.startNanos {
            return Double(first.timeNanos - raw.startNanos) / 1_000_000
        }
        return nil
    }

    /// The model in OpenInference's `llm.invocation_parameters` JSON: `model` (OpenAI, LangChain) or
    /// `model_name` (LlamaIndex).
    private func invocationModel(_ json: String) -> String? {
        guard let parameters = Self.jsonObject(json) else { return nil }
        for key in ["model", "model_name"] {
            if let model = parameters[key] as? String, !model.isEmpty { return model }
        }
        return nil
    }

    /// OpenInference carries free-form metadata as one JSON string; business labels may be inside.
    private func openInferenceMetadata(_ json: String, into dimensions: inout [String: String]) {
        guard let metadata = Self.jsonObject(json) else { return }
        for dimension in options.businessDimensions where dimensions[dimension] == nil {
            if let any = metadata[dimension] { dimensions[dimension] = String("\(any)".prefix(options.maxDimensionValueLength)) }
        }
    }

    /// The response id inside OpenInference's `output.value` JSON: the provider's response (OpenAI
    /// client instrumentation: `id`) or LangChain's `LLMResult` (`llm_output.id`).
    private func openInferenceResponseId(_ attributes: [String: AttributeValue]) -> String? {
        guard attributes["output.mime_type"]?.stringValue == "application/json",
            case .string(let json)? = attributes["output.value"], let output = Self.jsonObject(json)
        else { return nil }
        let id = output["id"] ?? (output["llm_output"] as? [String: Any])?["id"]
        return (id as? String).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A JSON object carried as one string attribute (OpenInference's convention), nil when it is not one.
    private static func jsonObject(_ json: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any]
    }
}
