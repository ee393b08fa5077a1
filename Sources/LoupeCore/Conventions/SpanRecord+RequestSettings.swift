import Foundation

extension SpanRecord {
    /// The most output tokens the call asked for, from whichever convention carried it: OTel GenAI
    /// and OpenLLMetry `gen_ai.request.max_tokens`, the Vercel AI SDK's `ai.settings.maxOutputTokens`,
    /// or OpenInference's `llm.invocation_parameters` (a JSON string of the request's keyword
    /// arguments, where OpenAI calls it `max_tokens` or `max_completion_tokens`).
    public var requestedMaxTokens: Int64? {
        for key in ["gen_ai.request.max_tokens", "ai.settings.maxOutputTokens", "llm.request.max_tokens"] {
            if let value = attributes[key]?.intValue, value > 0 { return value }
        }
        guard let text = attributes["llm.invocation_parameters"]?.stringValue,
            let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        else { return nil }
        for key in ["max_tokens", "max_completion_tokens", "max_output_tokens", "maxOutputTokens"] {
            if let value = (object[key] as? NSNumber)?.int64Value, value > 0 { return value }
        }
        return nil
    }

    /// Whether the completion stopped because it hit its token limit: `length` (OpenAI, OTel),
    /// `max_tokens` (Anthropic's stop reason) or `MAX_TOKENS` (Gemini).
    public var stoppedAtTokenLimit: Bool {
        guard let reason = finishReason?.lowercased() else { return false }
        return reason == "length" || reason == "max_tokens" || reason == "max_output_tokens"
    }

    /// The Snowflake warehouse a Cortex call ran on (`snowflake.warehouse.size`, on the span or
    /// its resource), upper-cased: `X-SMALL` … `6X-LARGE`.
    public var snowflakeWarehouseSize: String? {
        (attributes["snowflake.warehouse.size"] ?? resourceAttributes["snowflake.warehouse.size"])?.stringValue?.uppercased()
    }
}
