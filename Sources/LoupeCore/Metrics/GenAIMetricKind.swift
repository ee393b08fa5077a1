/// What a GenAI metric measures, by its name in the semantic conventions (v1.41, and the names the
/// conventions' unreleased revision gives the same measures).
///
/// Only histograms are read. The revision's token counters (`gen_ai.client.inference.usage.*`)
/// count the same tokens as its token histograms, so taking both would count them twice.
public enum GenAIMetricKind: Sendable, Hashable {
    /// How long operations took, one value per operation: calls, failures and latency.
    case duration
    /// Tokens per operation: the input or output count.
    case tokens(TokenDirection)
    /// Time to the first streamed chunk or token.
    case timeToFirstToken

    public enum TokenDirection: Sendable, Hashable {
        case input, output
    }

    /// Nil for metrics Loupe does not read (they are accepted and left aside).
    public init?(point: MetricPoint) {
        switch point.name {
        case "gen_ai.client.operation.duration", "gen_ai.client.inference.duration", "gen_ai.client.embeddings.duration",
            "gen_ai.execute_tool.duration", "gen_ai.invoke_agent.duration", "gen_ai.workflow.duration", "gen_ai.invocation.duration":
            self = .duration
        case "gen_ai.client.operation.time_to_first_chunk", "gen_ai.client.inference.time_to_first_chunk", "gen_ai.server.time_to_first_token":
            self = .timeToFirstToken
        case "gen_ai.client.inference.operation.input_tokens", "gen_ai.client.embeddings.operation.input_tokens":
            self = .tokens(.input)
        case "gen_ai.client.inference.operation.output_tokens":
            self = .tokens(.output)
        case "gen_ai.client.token.usage":
            // `completion` (and `prompt`, before it) are the values the conventions renamed.
            switch point.attributes["gen_ai.token.type"]?.stringValue {
            case "input", "prompt": self = .tokens(.input)
            case "output", "completion": self = .tokens(.output)
            default: return nil
            }
        default:
            return nil
        }
    }

    /// Milliseconds per unit of a time metric's values: the conventions send seconds, some SDKs milliseconds.
    public static func millisecondsPerUnit(_ unit: String) -> Double {
        switch unit {
        case "ms": return 1
        case "us", "µs": return 0.001
        case "ns": return 0.000_001
        case "min": return 60_000
        default: return 1_000
        }
    }
}
