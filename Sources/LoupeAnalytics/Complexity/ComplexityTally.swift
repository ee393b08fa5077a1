import LoupeCore
import LoupeStore

/// Adds up rollup rows into a ``ComplexityPoint``.
struct ComplexityTally {
    var requests: Int64 = 0
    var llm: Int64 = 0
    var tools: Int64 = 0
    var retrievals: Int64 = 0
    var inputTokens: Int64 = 0

    mutating func add(_ row: RollupRow) {
        let m = row.measures
        if row.key.role.contains(.request) { requests += m.count }
        if row.key.role.contains(.call) { inputTokens += m.inputTokens }
        switch row.key.operation {
        case OperationKind.llm.rawValue: llm += m.count
        case OperationKind.tool.rawValue: tools += m.count
        case OperationKind.retrieval.rawValue: retrievals += m.count
        default: break
        }
    }

    /// Nil without requests: per request, nothing can be said.
    func point(minute: Int64) -> ComplexityPoint? {
        guard requests > 0 else { return nil }
        let n = Double(requests)
        return ComplexityPoint(
            minute: minute, requests: requests, llmCalls: Double(llm) / n, toolCalls: Double(tools) / n,
            retrievals: Double(retrievals) / n, inputTokens: Double(inputTokens) / n
        )
    }
}
