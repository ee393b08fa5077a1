/// What the business template shows.
struct BusinessView: Sendable {
    struct Card: Sendable {
        var id: String
        var label: String
        var value: String
    }

    struct Unit: Sendable {
        var unit: String
        var requests: Int
        var success: String
        var cost: String
        var value: String
        var net: String
        var negative: Bool
        var roi: String
        var costPerSuccess: String
        var hoursSaved: String
    }

    struct Gap: Sendable {
        var group: String
        var requests: Int
        var gaps: Int
        var share: String
        var empty: Int
        var low: Int
        var disliked: Int
        var topScore: String
        var examples: [ViewLink]
    }

    struct Document: Sendable {
        var id: String
        var retrievals: Int
        var score: String
    }

    var hasRoi: Bool
    var roiBy: String
    var roiCards: [Card]
    var units: [Unit]
    var valuesConfigured: Bool
    var unpricedCalls: Int64?
    var roiChart: String
    var hasComplexity: Bool
    var complexityCards: [Card]
    var complexityChart: String
    var hasRetrieval: Bool
    var retrievalCards: [Card]
    var gapDimension: String
    var minScore: String
    var gaps: [Gap]
    var mostUsed: [Document]
    var unused: [Document]
    var hasUnused: Bool
    var otlpEndpoint: String
}
