import Foundation

/// Converts LiteLLM's `model_prices_and_context_window.json` into catalog entries.
///
/// That file prices far more than tokens (images, audio seconds, searches) and mixes in
/// documentation (`sample_spec`), so the import keeps what carries token or per-query prices and
/// skips the rest instead of failing on the first odd entry.
enum LiteLLMImporter {
    static func entries(from data: Data) throws(PriceCatalogError) -> [ModelPrice] {
        let root = try PriceCatalogReader.decodeJSON(data)
        guard case .object(let models) = root else {
            throw .invalidDocument(
                reason: "a LiteLLM price file must be an object keyed by model name, not \(root.typeName)")
        }
        // Sorted so that when two keys collapse to one model (`gemini-1.5-pro` and
        // `vertex_ai/gemini-1.5-pro`) the same one wins on every run.
        return models.keys.sorted().compactMap { key in
            guard key != "sample_spec", case .object(let fields)? = models[key] else { return nil }
            return entry(key: key, fields: fields)
        }
    }

    private static func entry(key: String, fields: [String: JSONValue]) -> ModelPrice? {
        func number(_ field: String) -> Double? {
            guard case .number(let value)? = fields[field], value.isFinite, value >= 0 else { return nil }
            return value
        }
        func tokens(_ field: String) -> Int64? {
            guard let value = number(field), value >= 1, value.rounded() == value, value < 1e15 else { return nil }
            return Int64(value)
        }
        let input = number("input_cost_per_token")
        let output = number("output_cost_per_token")
        let perQuery = number("input_cost_per_query")
        guard input != nil || output != nil || perQuery != nil else { return nil }

        let rawProvider: String?
        if case .string(let text)? = fields["litellm_provider"], !text.trimmed.isEmpty {
            rawProvider = text
        } else {
            rawProvider = key.firstIndex(of: "/").map { String(key[..<$0]) }
        }
        guard let rawProvider else { return nil }
        let provider = ModelMatcher.canonicalProvider(rawProvider)

        // `azure/gpt-4o` is `gpt-4o` at Azure: drop a leading segment that names the provider.
        var model = Substring(key)
        if let slash = model.firstIndex(of: "/"), ModelMatcher.canonicalProvider(String(model[..<slash])) == provider {
            model = model[model.index(after: slash)...]
        }
        guard !model.trimmed.isEmpty else { return nil }

        let kind: ModelKind?
        switch fields["mode"] {
        case .string("chat")?, .string("completion")?, .string("responses")?: kind = .chat
        case .string("embedding")?: kind = .embedding
        case .string("rerank")?: kind = .rerank
        default: kind = nil
        }

        let price = ModelPrice(
            provider: provider, model: String(model), kind: kind, unit: .usd,
            inputPerMillion: perMillion(input ?? 0), outputPerMillion: perMillion(output ?? 0),
            cachedInputPerMillion: number("cache_read_input_token_cost").map(perMillion),
            cacheWritePerMillion: number("cache_creation_input_token_cost").map(perMillion),
            perRequest: perQuery, contextWindow: tokens("max_input_tokens"), maxOutputTokens: tokens("max_output_tokens"),
            note: "Imported from LiteLLM '\(key)'.")
        // The same checks as the catalog format; an entry that fails them is skipped like one
        // without prices, since one odd key must not block importing the rest.
        do {
            try price.validate(entry: key)
        } catch {
            return nil
        }
        return price
    }

    /// Per-token dollars to per-million, rounded to a billionth of a dollar so binary noise
    /// (`2.5e-06 * 1e6 = 2.4999999999999996`) does not leak into the catalog.
    private static func perMillion(_ perToken: Double) -> Double {
        (perToken * 1e15).rounded() / 1e9
    }
}
