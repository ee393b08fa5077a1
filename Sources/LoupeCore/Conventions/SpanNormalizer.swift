import Foundation

/// Turns a ``RawSpan`` in any supported convention into one ``SpanRecord``, using ``ConventionTable``.
public struct SpanNormalizer: Sendable {
    public var options: NormalizationOptions
    private let dimensionKeys: [(dimension: String, keys: [String])]

    public init(options: NormalizationOptions = .default) {
        self.options = options
        self.dimensionKeys = options.businessDimensions.map { dimension in
            let spellings = Set([dimension, Self.camelCase(dimension)])
            let keys = ConventionTable.metadataPrefixes.flatMap { prefix in spellings.sorted().map { prefix + $0 } }
            return (dimension, keys)
        }
    }

    public func normalize(_ raw: RawSpan, project projectOverride: String? = nil) -> SpanRecord {
        let attributes = raw.attributes
        let resource = raw.resourceAttributes
        func first(_ sources: [AttributeSource]) -> AttributeValue? {
            for source in sources { if let value = attributes[source.key] { return value } }
            return nil
        }
        func string(_ sources: [AttributeSource]) -> String? {
            first(sources)?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        }
        func int(_ sources: [AttributeSource]) -> Int64? {
            for source in sources { if let value = attributes[source.key]?.intValue { return value } }
            return nil
        }

        let usage = TokenUsage(
            input: int(ConventionTable.inputTokens), output: int(ConventionTable.outputTokens),
            cacheRead: int(ConventionTable.cacheReadTokens), cacheWrite: int(ConventionTable.cacheWriteTokens),
            reasoning: int(ConventionTable.reasoningTokens), total: int(ConventionTable.totalTokens)
        )
        let requestModel = string(ConventionTable.requestModel)
        let responseModel = string(ConventionTable.responseModel)
        let operation = OperationKindResolver.resolve(
            attributes: attributes, spanName: raw.name, hasModel: requestModel != nil || responseModel != nil,
            hasUsage: usage.isReported
        )

        let exception = raw.events.last(where: \.isException)
        let errorTypeAttribute = string(ConventionTable.errorType)
        let failed = raw.statusCode == .error || (errorTypeAttribute != nil && raw.statusCode != .ok)
        var errorType: String?
        var errorMessage: String?
        if failed {
            errorType = errorTypeAttribute ?? exception?.attributes["exception.type"]?.stringValue
            errorMessage = raw.statusMessage.flatMap { $0.isEmpty ? nil : $0 }
                ?? exception?.attributes["exception.message"]?.stringValue
        }

        var remaining = attributes
        for key in ConventionTable.mappedKeys where remaining[key] != nil { remaining.removeValue(forKey: key) }

        var events: [SpanEvent] = []
        var chunkEvents = 0
        for event in raw.events {
            if ConventionTable.chunkEvents.contains(event.name) { chunkEvents += 1 } else { events.append(event) }
        }
        if chunkEvents > 0 { remaining["loupe.chunk_events"] = .int(Int64(chunkEvents)) }

        return SpanRecord(
            traceId: raw.traceId, spanId: raw.spanId, parentSpanId: raw.parentSpanId,
            project: projectOverride ?? projectName(resource), service: resource["service.name"]?.stringValue ?? "unknown_service",
            name: raw.name, operation: operation, spanKind: raw.kind, startNanos: raw.startNanos, endNanos: raw.endNanos,
            status: failed ? .error : raw.statusCode, errorType: errorType, errorMessage: errorMessage,
            provider: string(ConventionTable.provider).map(ProviderName.canonical),
            requestModel: requestModel, responseModel: responseModel, usage: usage,
            countsUsage: operation.isModelCall || (operation == .agent && raw.kind == .client),
            timeToFirstTokenMs: timeToFirstToken(attributes, raw: raw),
            finishReason: string(ConventionTable.finishReason),
            userId: string(ConventionTable.userId), sessionId: string(ConventionTable.sessionId),
            dimensions: dimensions(attributes, resource), attributes: remaining, resourceAttributes: resource,
            events: events
        )
    }

    private func projectName(_ resource: [String: AttributeValue]) -> String {
        for source in ConventionTable.project {
            if let name = resource[source.key]?.stringValue, !name.isEmpty { return name }
        }
        return options.defaultProject
    }

    private func timeToFirstToken(_ attributes: [String: AttributeValue], raw: RawSpan) -> Double? {
        for source in ConventionTable.timeToFirstToken {
            guard let value = attributes[source.key]?.doubleValue, value.isFinite, value >= 0 else { continue }
            return source.unit == .secondsToMilliseconds ? value * 1000 : value
        }
        // OpenInference instrumentors mark the first streamed token with an event instead.
        if let first = raw.events.first(where: { $0.name == "First Token Stream Event" }), first.timeNanos >= raw.startNanos {
            return Double(first.timeNanos - raw.startNanos) / 1_000_000
        }
        return nil
    }

    private func dimensions(_ attributes: [String: AttributeValue], _ resource: [String: AttributeValue]) -> [String: String] {
        guard !dimensionKeys.isEmpty else { return [:] }
        var result: [String: String] = [:]
        var openInferenceMetadata: [String: Any]?
        var parsedMetadata = false
        for (dimension, keys) in dimensionKeys {
            var value: String?
            for key in keys {
                if let found = (attributes[key] ?? resource[key])?.stringValue, !found.isEmpty {
                    value = found
                    break
                }
            }
            if value == nil {
                // OpenInference carries free-form metadata as one JSON string.
                if !parsedMetadata {
                    parsedMetadata = true
                    if case .string(let json)? = attributes["metadata"], let data = json.data(using: .utf8) {
                        openInferenceMetadata = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
                    }
                }
                if let any = openInferenceMetadata?[dimension] { value = "\(any)" }
            }
            if let value { result[dimension] = String(value.prefix(options.maxDimensionValueLength)) }
        }
        return result
    }

    private static func camelCase(_ snake: String) -> String {
        let parts = snake.split(separator: "_")
        guard let head = parts.first else { return snake }
        return String(head) + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
