/// Why a price catalog (the built-in one, a user override file or a LiteLLM import) was refused.
///
/// Every case names the entry and the field at fault, so a user editing an override file can fix
/// it from the message alone.
public enum PriceCatalogError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The bundled `prices.json` is missing from the module's resources (a packaging mistake).
    case resourceMissing(name: String)
    /// The data is not JSON at all.
    case invalidJSON(reason: String)
    /// The document parsed but is not shaped like the format (e.g. no `models` array).
    case invalidDocument(reason: String)
    /// The document declares a format version this build does not understand.
    case unsupportedFormat(version: Double)
    /// One field of one entry is missing, of the wrong type or out of range.
    case invalidField(entry: String, field: String, reason: String)
    /// An entry carries a field the format does not define; usually a misspelt price.
    case unknownField(entry: String, field: String)
    /// Two entries claim the same provider, model and effective date.
    case duplicateEntry(provider: String, model: String, effectiveFrom: String)
    /// One name (model or alias) leads to two different models of the same provider.
    case ambiguousName(provider: String, name: String, models: [String])

    public var description: String {
        switch self {
        case .resourceMissing(let name):
            "The built-in price catalog resource '\(name)' is missing from the LoupeCore bundle."
        case .invalidJSON(let reason):
            "The price catalog is not valid JSON: \(reason)."
        case .invalidDocument(let reason):
            "The price catalog is not in the expected format: \(reason)."
        case .unsupportedFormat(let version):
            "The price catalog declares format \(version.wholeNumberText), but only format 1 is understood."
        case .invalidField(let entry, let field, let reason):
            "Price catalog \(entry): field '\(field)' \(reason)."
        case .unknownField(let entry, let field):
            "Price catalog \(entry): field '\(field)' is not part of the format (misspelt?)."
        case .duplicateEntry(let provider, let model, let effectiveFrom):
            "Price catalog has two entries for \(provider)/\(model) effective from \(effectiveFrom)."
        case .ambiguousName(let provider, let name, let models):
            "Price catalog name '\(name)' under provider \(provider) belongs to several models: \(models.joined(separator: ", "))."
        }
    }
}

extension Double {
    /// `1` rather than `1.0` for whole numbers, so messages read naturally.
    fileprivate var wholeNumberText: String {
        rounded() == self && abs(self) < 1e15 ? String(Int64(self)) : String(self)
    }
}
