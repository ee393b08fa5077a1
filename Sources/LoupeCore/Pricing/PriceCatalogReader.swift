import Foundation

/// Reads the catalog JSON format field by field, so every refusal names the entry and field.
enum PriceCatalogReader {
    /// The whole file: a header and the entries. Also what ``PriceCatalog/jsonData()`` writes.
    struct Document: Encodable {
        var format: Int
        var pricesCheckedOn: String?
        var models: [ModelPrice]
    }

    static func read(_ data: Data) throws(PriceCatalogError) -> (entries: [ModelPrice], pricesCheckedOn: String?) {
        let root = try decodeJSON(data)
        guard case .object(let top) = root else {
            throw .invalidDocument(reason: "the top level must be an object with a 'models' array, not \(root.typeName)")
        }
        if let format = top["format"] {
            guard case .number(let version) = format else {
                throw .invalidDocument(reason: "'format' must be a number, not \(format.typeName)")
            }
            guard version == Double(PriceCatalog.formatVersion) else { throw .unsupportedFormat(version: version) }
        }
        var checkedOn: String?
        switch top["pricesCheckedOn"] {
        case nil, .null?: checkedOn = nil
        case .string(let text)?: checkedOn = text
        case let other?: throw .invalidDocument(reason: "'pricesCheckedOn' must be a string, not \(other.typeName)")
        }
        guard case .array(let models)? = top["models"] else {
            throw .invalidDocument(reason: "the 'models' array is missing")
        }
        var entries: [ModelPrice] = []
        entries.reserveCapacity(models.count)
        for (offset, model) in models.enumerated() {
            entries.append(try entry(model, offset: offset))
        }
        return (entries, checkedOn)
    }

    /// Decodes any JSON, turning the decoder's error into one sentence.
    static func decodeJSON(_ data: Data) throws(PriceCatalogError) -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            let underlying = context.underlyingError.map { " (\($0.localizedDescription))" } ?? ""
            throw .invalidJSON(reason: context.debugDescription + underlying)
        } catch {
            throw .invalidJSON(reason: String(describing: error))
        }
    }

    private static func entry(_ value: JSONValue, offset: Int) throws(PriceCatalogError) -> ModelPrice {
        guard case .object(let fields) = value else {
            throw .invalidDocument(reason: "entry \(offset) must be an object, not \(value.typeName)")
        }
        let fieldReader = FieldReader(fields: fields, offset: offset)
        for name in fields.keys.sorted() where !ModelPrice.fieldNames.contains(name) && !name.hasPrefix("_") {
            throw .unknownField(entry: fieldReader.label, field: name)
        }
        let price = ModelPrice(
            provider: try fieldReader.string("provider"),
            model: try fieldReader.string("model"),
            aliases: try fieldReader.strings("aliases") ?? [],
            kind: try fieldReader.enumeration("kind", ModelKind.self),
            unit: try fieldReader.enumeration("unit", PriceUnit.self) ?? .usd,
            inputPerMillion: try fieldReader.number("inputPerMillion"),
            outputPerMillion: try fieldReader.number("outputPerMillion"),
            cachedInputPerMillion: try fieldReader.optionalNumber("cachedInputPerMillion"),
            cacheWritePerMillion: try fieldReader.optionalNumber("cacheWritePerMillion"),
            perRequest: try fieldReader.optionalNumber("perRequest"),
            contextWindow: try fieldReader.tokens("contextWindow"),
            maxOutputTokens: try fieldReader.tokens("maxOutputTokens"),
            effectiveFrom: try fieldReader.optionalString("effectiveFrom") ?? ModelPrice.beginningOfTime,
            note: try fieldReader.optionalString("note"))
        return price
    }

    /// Typed access to one entry's fields; absent and `null` are the same.
    private struct FieldReader {
        let fields: [String: JSONValue]
        let offset: Int

        /// `entry 12 (openai/gpt-4o)`, or `entry 12` while the names are unknown.
        var label: String {
            if case .string(let provider)? = fields["provider"], case .string(let model)? = fields["model"] {
                return "entry \(offset) (\(provider)/\(model))"
            }
            return "entry \(offset)"
        }

        private func value(_ field: String) -> JSONValue? {
            switch fields[field] {
            case nil, .null?: nil
            case let value?: value
            }
        }

        private func wrongType(_ field: String, expected: String, got value: JSONValue) -> PriceCatalogError {
            .invalidField(entry: label, field: field, reason: "must be \(expected), not \(value.typeName)")
        }

        func optionalString(_ field: String) throws(PriceCatalogError) -> String? {
            guard let value = value(field) else { return nil }
            guard case .string(let text) = value else { throw wrongType(field, expected: "a string", got: value) }
            return text
        }

        func string(_ field: String) throws(PriceCatalogError) -> String {
            guard let text = try optionalString(field) else {
                throw .invalidField(entry: label, field: field, reason: "is missing")
            }
            return text
        }

        func strings(_ field: String) throws(PriceCatalogError) -> [String]? {
            guard let value = value(field) else { return nil }
            guard case .array(let items) = value else {
                throw wrongType(field, expected: "an array of strings", got: value)
            }
            var texts: [String] = []
            for item in items {
                guard case .string(let text) = item else {
                    throw wrongType(field, expected: "an array of strings", got: item)
                }
                texts.append(text)
            }
            return texts
        }

        func optionalNumber(_ field: String) throws(PriceCatalogError) -> Double? {
            guard let value = value(field) else { return nil }
            guard case .number(let number) = value else { throw wrongType(field, expected: "a number", got: value) }
            return number
        }

        func number(_ field: String) throws(PriceCatalogError) -> Double {
            guard let number = try optionalNumber(field) else {
                throw .invalidField(entry: label, field: field, reason: "is missing (write 0 when it is free)")
            }
            return number
        }

        func tokens(_ field: String) throws(PriceCatalogError) -> Int64? {
            guard let number = try optionalNumber(field) else { return nil }
            guard number.rounded() == number, number.magnitude < 1e15 else {
                throw .invalidField(entry: label, field: field, reason: "must be a whole number of tokens, not \(number)")
            }
            return Int64(number)
        }

        func enumeration<Value: RawRepresentable & CaseIterable>(
            _ field: String, _ type: Value.Type
        ) throws(PriceCatalogError) -> Value? where Value.RawValue == String {
            guard let text = try optionalString(field) else { return nil }
            guard let value = Value(rawValue: text) else {
                let allowed = Value.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
                throw .invalidField(entry: label, field: field, reason: "must be one of \(allowed), not '\(text)'")
            }
            return value
        }
    }
}
