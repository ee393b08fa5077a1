/// ``ConventionTable`` turned inside out: from an attribute key to the record field it feeds.
///
/// Normalisation then reads each attribute of a span once, with one hash lookup, instead of probing
/// every key of every convention; at tens of thousands of spans a second that is most of its cost.
struct ConventionIndex: Sendable {
    enum Field: Int, CaseIterable {
        case provider, requestModel, responseModel, inputTokens, outputTokens, totalTokens, cacheReadTokens
        case cacheWriteTokens, reasoningTokens, timeToFirstToken, finishReason, userId, sessionId, errorType
        case responseId
    }

    struct Slot: Sendable {
        var field: Field
        /// Position in the table's list for the field: lower wins.
        var rank: Int
        var unit: AttributeSource.Unit
    }

    struct DimensionSlot: Sendable {
        var index: Int
        var rank: Int
    }

    let slots: [String: Slot]
    let dimensionSlots: [String: DimensionSlot]

    init(businessDimensions: [String]) {
        let lists: [(Field, [AttributeSource])] = [
            (.provider, ConventionTable.provider), (.requestModel, ConventionTable.requestModel),
            (.responseModel, ConventionTable.responseModel), (.inputTokens, ConventionTable.inputTokens),
            (.outputTokens, ConventionTable.outputTokens), (.totalTokens, ConventionTable.totalTokens),
            (.cacheReadTokens, ConventionTable.cacheReadTokens), (.cacheWriteTokens, ConventionTable.cacheWriteTokens),
            (.reasoningTokens, ConventionTable.reasoningTokens), (.timeToFirstToken, ConventionTable.timeToFirstToken),
            (.finishReason, ConventionTable.finishReason), (.userId, ConventionTable.userId),
            (.sessionId, ConventionTable.sessionId), (.errorType, ConventionTable.errorType),
            (.responseId, ConventionTable.responseId),
        ]
        var slots: [String: Slot] = [:]
        for (field, sources) in lists {
            for (rank, source) in sources.enumerated() where slots[source.key] == nil {
                slots[source.key] = Slot(field: field, rank: rank, unit: source.unit)
            }
        }
        self.slots = slots
        var dimensionSlots: [String: DimensionSlot] = [:]
        for (index, dimension) in businessDimensions.enumerated() {
            let spellings = Array(Set([dimension, Self.camelCase(dimension)])).sorted()
            var rank = 0
            for prefix in ConventionTable.metadataPrefixes {
                for spelling in spellings where dimensionSlots[prefix + spelling] == nil {
                    dimensionSlots[prefix + spelling] = DimensionSlot(index: index, rank: rank)
                    rank += 1
                }
            }
        }
        self.dimensionSlots = dimensionSlots
    }

    static func camelCase(_ snake: String) -> String {
        let parts = snake.split(separator: "_")
        guard let head = parts.first else { return snake }
        return String(head) + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// Whether a value can fill a field (a token count must be a number, a name non-empty).
    static func accepts(_ value: AttributeValue, for field: Field) -> Bool {
        switch field {
        case .inputTokens, .outputTokens, .totalTokens, .cacheReadTokens, .cacheWriteTokens, .reasoningTokens:
            return value.intValue != nil
        case .timeToFirstToken:
            return value.doubleValue.map { $0.isFinite && $0 >= 0 } ?? false
        default:
            return !(value.stringValue?.isEmpty ?? true)
        }
    }
}
