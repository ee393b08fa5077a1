import Foundation

/// Every known model price, indexed for one lookup per ingested span.
///
/// A catalog is a value: build it once (``builtIn()``, optionally ``merging(overrides:)`` a user
/// file, or import LiteLLM's price file), then share it. Lookups resolve a span's provider and
/// model name through ``ModelMatcher`` and pick the price that was in effect at the span's time.
///
/// Resolution rules, in order:
/// 1. Names are tried most specific first (see ``ModelMatcher/lookupKeys(for:)``), each exactly
///    and case-insensitively against every entry's `model` and `aliases`.
/// 2. When the span names a provider, only that provider's entries are tried first, across all
///    names, because the provider sends the bill (Cortex bills `claude-3-5-sonnet` in credits,
///    Anthropic in dollars).
/// 3. Otherwise, or when that provider lists no such model, any provider's entry is taken, the one
///    listed first winning; first-party providers come first in the built-in file and user
///    overrides come before it. The exception is a provider that bills in credits: a dollar price
///    from elsewhere would be in the wrong currency, so such spans stay unpriced.
/// 4. Among a model's dated entries, the latest whose `effectiveFrom` is not after the span wins;
///    a span older than every entry takes the earliest one.
public struct PriceCatalog: Sendable, Equatable {
    /// The entries in catalog order (user overrides first after merging), providers canonicalised.
    public let entries: [ModelPrice]
    /// When the prices were last checked against the providers' pages (`YYYY-MM`), if stated.
    public let pricesCheckedOn: String?

    /// The version of the JSON format this build reads and writes.
    public static let formatVersion = 1

    /// Names longer than this many bytes are never priced.
    static let longestModelName = 512

    /// One model at one provider: its price history, oldest first.
    private struct Series: Sendable {
        let provider: String
        let prices: [ModelPrice]
        let starts: [Int64]

        func price(atUnixNanos time: Int64) -> ModelPrice {
            var chosen = 0
            for (offset, start) in starts.enumerated().dropFirst() {
                guard start <= time else { break }
                chosen = offset
            }
            return prices[chosen]
        }
    }

    private let series: [Series]
    /// Lowercased model name or alias → series that answer to it, in catalog order, at most one
    /// per provider.
    private let index: [String: [Int]]
    /// Providers with credit-priced entries; their spans never fall back to other providers.
    private let creditProviders: Set<String>
    private let cache: PriceResolutionCache

    /// A catalog of `entries`, validated.
    ///
    /// - Throws: ``PriceCatalogError`` naming the first invalid entry and field, a duplicate
    ///   (provider, model, date), or a name that two models of one provider both claim.
    public init(entries: [ModelPrice], pricesCheckedOn: String? = nil) throws(PriceCatalogError) {
        for (offset, entry) in entries.enumerated() {
            try entry.validate(entry: "entry \(offset) (\(entry.provider)/\(entry.model))")
        }
        try PriceCatalog.checkNamesAreUnique(entries)
        self.init(unchecked: entries, pricesCheckedOn: pricesCheckedOn)
    }

    /// Reads the catalog JSON format (the built-in file and user override files; see
    /// `Pricing/README.md`).
    public init(jsonData: Data) throws(PriceCatalogError) {
        let document = try PriceCatalogReader.read(jsonData)
        try self.init(entries: document.entries, pricesCheckedOn: document.pricesCheckedOn)
    }

    /// Imports LiteLLM's `model_prices_and_context_window.json`.
    ///
    /// Keys become model names (minus a leading `<provider>/`), `litellm_provider` becomes the
    /// canonical provider, and per-token costs become per-million prices in dollars. Entries
    /// without token or per-query prices (images, audio, the `sample_spec` key) and entries whose
    /// values are unusable are skipped, since the file covers far more than tokens. Every entry is
    /// effective from ``ModelPrice/beginningOfTime``: the file has no price history.
    ///
    /// - Throws: ``PriceCatalogError`` when the data is not a JSON object.
    public init(liteLLMJSON: Data) throws(PriceCatalogError) {
        self.init(unchecked: try LiteLLMImporter.entries(from: liteLLMJSON), pricesCheckedOn: nil)
    }

    /// The catalog shipped with Loupe (`Resources/prices.json`).
    public static func builtIn() throws(PriceCatalogError) -> PriceCatalog {
        guard let url = Bundle.module.url(forResource: "prices", withExtension: "json") else {
            throw .resourceMissing(name: "prices.json")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .resourceMissing(name: "prices.json")
        }
        return try PriceCatalog(jsonData: data)
    }

    /// This catalog with `overrides` taking precedence.
    ///
    /// An override replaces the whole price history of the model it names (same provider and
    /// model), and its names win over any built-in entry's aliases. Overrides also come first
    /// for spans that name no provider.
    public func merging(overrides: PriceCatalog) -> PriceCatalog {
        let overridden = Set(overrides.entries.map(SeriesKey.init))
        let kept = entries.filter { !overridden.contains(SeriesKey($0)) }
        // Both halves were validated when they were built. The only new conflicts are names an
        // override shares with a built-in alias, and listing the overrides first gives them those.
        return PriceCatalog(unchecked: overrides.entries + kept, pricesCheckedOn: pricesCheckedOn)
    }

    /// The price in effect for `model` at `provider` at the given time, or nil when the catalog
    /// does not know the model. `provider` is the span's canonical provider, if it has one.
    public func price(provider: String?, model: String, atUnixNanos time: Int64) -> ModelPrice? {
        // Real model ids, Bedrock ARNs included, are far shorter; a longer "name" is junk
        // telemetry and must not occupy the cache.
        guard model.utf8.count <= PriceCatalog.longestModelName else { return nil }
        let key = PriceResolutionCache.Key(provider: provider, model: model)
        let resolved: Int
        if let cached = cache.value(for: key) {
            resolved = cached
        } else {
            resolved = resolve(provider: provider, model: model) ?? -1
            cache.store(resolved, for: key)
        }
        guard resolved >= 0 else { return nil }
        return series[resolved].price(atUnixNanos: time)
    }

    /// How many distinct models (provider and model pairs) the catalog prices.
    public var modelCount: Int {
        series.count
    }

    /// The catalog in its JSON format, suitable as an override file.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(
            PriceCatalogReader.Document(
                format: PriceCatalog.formatVersion, pricesCheckedOn: pricesCheckedOn, models: entries))
    }

    public static func == (lhs: PriceCatalog, rhs: PriceCatalog) -> Bool {
        lhs.entries == rhs.entries && lhs.pricesCheckedOn == rhs.pricesCheckedOn
    }

    // MARK: - Building

    /// Identifies a model's price history (canonical provider and lowercased model name), and
    /// also one name claimed within a provider.
    private struct SeriesKey: Hashable {
        let provider: String
        let model: String

        init(provider: String, model: String) {
            self.provider = provider
            self.model = model
        }

        init(_ price: ModelPrice) {
            self.init(
                provider: ModelMatcher.canonicalProvider(price.provider), model: ModelMatcher.indexKey(price.model))
        }
    }

    /// Rejects two entries for one model on one date, and one name (model or alias) that leads to
    /// two models of one provider: either would make a lookup's answer depend on file order.
    private static func checkNamesAreUnique(_ entries: [ModelPrice]) throws(PriceCatalogError) {
        var dates: Set<[String]> = []
        var claims: [SeriesKey: String] = [:]  // (provider, name) → model claiming it
        for entry in entries {
            let key = SeriesKey(entry)
            guard dates.insert([key.provider, key.model, entry.effectiveFrom]).inserted else {
                throw .duplicateEntry(provider: key.provider, model: entry.model, effectiveFrom: entry.effectiveFrom)
            }
            for name in [entry.model] + entry.aliases {
                let claim = SeriesKey(provider: key.provider, model: ModelMatcher.indexKey(name))
                if let holder = claims[claim], ModelMatcher.indexKey(holder) != key.model {
                    throw .ambiguousName(provider: key.provider, name: claim.model, models: [holder, entry.model])
                }
                claims[claim] = claims[claim] ?? entry.model
            }
        }
    }

    /// Builds the indexes. Conflicts are settled in favour of the entry listed first, which is
    /// how overrides win; public initialisers reject them before getting here.
    private init(unchecked input: [ModelPrice], pricesCheckedOn: String?) {
        var entries: [ModelPrice] = []
        var seriesOrder: [SeriesKey] = []
        var grouped: [SeriesKey: [ModelPrice]] = [:]
        for var entry in input {
            entry.provider = ModelMatcher.canonicalProvider(entry.provider)
            let key = SeriesKey(entry)
            if grouped[key] == nil {
                seriesOrder.append(key)
            }
            if grouped[key, default: []].contains(where: { $0.effectiveFrom == entry.effectiveFrom }) {
                continue
            }
            grouped[key, default: []].append(entry)
            entries.append(entry)
        }

        var series: [Series] = []
        var index: [String: [Int]] = [:]
        var claimed: Set<SeriesKey> = []  // (provider, name) already answering for a series
        var creditProviders: Set<String> = []
        for key in seriesOrder {
            let history = (grouped[key] ?? []).sorted {
                ($0.effectiveFromUnixNanos ?? 0) < ($1.effectiveFromUnixNanos ?? 0)
            }
            guard !history.isEmpty else { continue }
            let number = series.count
            series.append(
                Series(provider: key.provider, prices: history, starts: history.map { $0.effectiveFromUnixNanos ?? 0 }))
            if history.contains(where: { $0.unit == .credits }) { creditProviders.insert(key.provider) }

            var names = [key.model]
            for alias in history.flatMap(\.aliases) {
                let name = ModelMatcher.indexKey(alias)
                if !names.contains(name) { names.append(name) }
            }
            for name in names where claimed.insert(SeriesKey(provider: key.provider, model: name)).inserted {
                index[name, default: []].append(number)
            }
        }

        self.entries = entries
        self.pricesCheckedOn = pricesCheckedOn
        self.series = series
        self.index = index
        self.creditProviders = creditProviders
        self.cache = PriceResolutionCache()
    }

    // MARK: - Resolving

    private func resolve(provider: String?, model: String) -> Int? {
        let names = ModelMatcher.lookupKeys(for: model)
        if let provider, !provider.trimmed.isEmpty {
            let canonical = ModelMatcher.canonicalProvider(provider)
            for name in names {
                if let match = index[name]?.first(where: { series[$0].provider == canonical }) { return match }
            }
            if creditProviders.contains(canonical) { return nil }
        }
        for name in names {
            if let match = index[name]?.first { return match }
        }
        return nil
    }
}
