/// The price of one model at one provider from one date on.
///
/// Prices are per million tokens in ``unit``. A model whose price changed has several entries with
/// the same ``provider`` and ``model`` and different ``effectiveFrom`` dates; together they are its
/// price history, so old spans are priced at the price of their time.
///
/// The JSON form of this type is exactly one entry of the catalog file (see `Pricing/README.md`).
public struct ModelPrice: Sendable, Hashable, Codable {
    /// Canonical provider, as spans carry it (`openai`, `aws.bedrock`, `snowflake.cortex`, …).
    public var provider: String
    /// The provider's name for the model, without date or version suffixes (`gpt-4o`).
    public var model: String
    /// Other exact names SDKs send for this model (`claude-3.5-sonnet`). Dated variants and
    /// provider prefixes need no alias: ``ModelMatcher`` strips them.
    public var aliases: [String]
    public var kind: ModelKind?
    public var unit: PriceUnit
    public var inputPerMillion: Double
    public var outputPerMillion: Double
    /// Price of input tokens served from the provider's prompt cache; nil bills them as input.
    public var cachedInputPerMillion: Double?
    /// Price of input tokens written to the prompt cache (Anthropic, Bedrock); nil bills them as input.
    public var cacheWritePerMillion: Double?
    /// A flat fee per call, for models billed per request (Cohere Rerank bills per search).
    public var perRequest: Double?
    /// The most input tokens one request may carry.
    public var contextWindow: Int64?
    public var maxOutputTokens: Int64?
    /// The first UTC day this price applies, as `YYYY-MM-DD`.
    public var effectiveFrom: String
    /// Free text: where the price came from, or what it leaves out (tiers, regions).
    public var note: String?

    public init(
        provider: String, model: String, aliases: [String] = [], kind: ModelKind? = nil, unit: PriceUnit = .usd,
        inputPerMillion: Double, outputPerMillion: Double, cachedInputPerMillion: Double? = nil,
        cacheWritePerMillion: Double? = nil, perRequest: Double? = nil, contextWindow: Int64? = nil,
        maxOutputTokens: Int64? = nil, effectiveFrom: String = ModelPrice.beginningOfTime, note: String? = nil
    ) {
        self.provider = provider
        self.model = model
        self.aliases = aliases
        self.kind = kind
        self.unit = unit
        self.inputPerMillion = inputPerMillion
        self.outputPerMillion = outputPerMillion
        self.cachedInputPerMillion = cachedInputPerMillion
        self.cacheWritePerMillion = cacheWritePerMillion
        self.perRequest = perRequest
        self.contextWindow = contextWindow
        self.maxOutputTokens = maxOutputTokens
        self.effectiveFrom = effectiveFrom
        self.note = note
    }

    /// The date given to entries that state none: the price applies to every span.
    public static let beginningOfTime = "1970-01-01"

    /// `effectiveFrom` as Unix nanoseconds (midnight UTC), or nil when the date is malformed.
    public var effectiveFromUnixNanos: Int64? {
        CivilDate(effectiveFrom)?.unixNanos
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case provider, model, aliases, kind, unit, inputPerMillion, outputPerMillion, cachedInputPerMillion
        case cacheWritePerMillion, perRequest, contextWindow, maxOutputTokens, effectiveFrom, note
    }

    /// The field names of one catalog entry, for the reader's unknown-field check.
    static let fieldNames: Set<String> = Set(CodingKeys.allCases.map(\.rawValue))

    /// Decodes with the same defaults as the catalog file (no aliases, USD, beginning of time);
    /// ranges are checked by ``validate(entry:)``, not here.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        provider = try container.decode(String.self, forKey: .provider)
        model = try container.decode(String.self, forKey: .model)
        aliases = try container.decodeIfPresent([String].self, forKey: .aliases) ?? []
        kind = try container.decodeIfPresent(ModelKind.self, forKey: .kind)
        unit = try container.decodeIfPresent(PriceUnit.self, forKey: .unit) ?? .usd
        inputPerMillion = try container.decode(Double.self, forKey: .inputPerMillion)
        outputPerMillion = try container.decode(Double.self, forKey: .outputPerMillion)
        cachedInputPerMillion = try container.decodeIfPresent(Double.self, forKey: .cachedInputPerMillion)
        cacheWritePerMillion = try container.decodeIfPresent(Double.self, forKey: .cacheWritePerMillion)
        perRequest = try container.decodeIfPresent(Double.self, forKey: .perRequest)
        contextWindow = try container.decodeIfPresent(Int64.self, forKey: .contextWindow)
        maxOutputTokens = try container.decodeIfPresent(Int64.self, forKey: .maxOutputTokens)
        effectiveFrom = try container.decodeIfPresent(String.self, forKey: .effectiveFrom) ?? ModelPrice.beginningOfTime
        note = try container.decodeIfPresent(String.self, forKey: .note)
    }

    /// Checks the ranges the type cannot express. `entry` names the entry in messages
    /// (e.g. `entry 12 (openai/gpt-4o)`).
    func validate(entry: String) throws(PriceCatalogError) {
        if provider.trimmed.isEmpty {
            throw .invalidField(entry: entry, field: "provider", reason: "must not be empty")
        }
        if model.trimmed.isEmpty {
            throw .invalidField(entry: entry, field: "model", reason: "must not be empty")
        }
        if let index = aliases.firstIndex(where: { $0.trimmed.isEmpty }) {
            throw .invalidField(entry: entry, field: "aliases", reason: "has an empty name at position \(index)")
        }
        let prices: [(String, Double?)] = [
            ("inputPerMillion", inputPerMillion), ("outputPerMillion", outputPerMillion),
            ("cachedInputPerMillion", cachedInputPerMillion), ("cacheWritePerMillion", cacheWritePerMillion),
            ("perRequest", perRequest),
        ]
        for case let (field, value?) in prices where !(value.isFinite && value >= 0) {
            throw .invalidField(entry: entry, field: field, reason: "must be a finite number of at least 0, not \(value)")
        }
        for case let (field, value?) in [("contextWindow", contextWindow), ("maxOutputTokens", maxOutputTokens)]
        where value <= 0 {
            throw .invalidField(entry: entry, field: field, reason: "must be a positive number of tokens, not \(value)")
        }
        if CivilDate(effectiveFrom) == nil {
            throw .invalidField(
                entry: entry, field: "effectiveFrom",
                reason: "must be a real day written YYYY-MM-DD (1970 or later), not '\(effectiveFrom)'")
        }
    }
}
