import Foundation

/// An ordered, validated list of error rules. The first rule that matches a signal decides its category.
///
/// The built-in rules (``builtIn``) encode the documented error formats of the major providers and
/// clients. Users add their own from a JSON file with ``init(jsonData:)``; ``ErrorClassifier`` checks
/// them before the built-in ones, so a user rule can override any built-in decision.
public struct ErrorRuleSet: Sendable, Hashable {
    /// The rules, in the order they are tried.
    public let rules: [ErrorRule]

    /// The rules Loupe ships with, in precedence order.
    public static var builtIn: ErrorRuleSet { ErrorRuleSet(unchecked: builtInRules) }

    /// Validates and keeps `rules` in the given order.
    ///
    /// - Throws: ``ErrorRuleSetError`` when an id is empty or repeated, a rule has no condition, a
    ///   list holds an empty string, a status code is not an HTTP status, or a pattern does not compile.
    public init(rules: [ErrorRule]) throws {
        var seen = Set<String>()
        for rule in rules {
            try Self.validate(rule)
            guard seen.insert(rule.id).inserted else { throw ErrorRuleSetError.duplicateRuleId(rule.id) }
        }
        self.rules = rules
    }

    /// Reads a rules file: either `{"version": 1, "rules": [ … ]}` or a bare array of rules.
    ///
    /// - Throws: ``ErrorRuleSetError`` describing the first problem found, with its place in the file.
    public init(jsonData: Data) throws {
        let rules: [ErrorRule]
        do {
            guard let first = jsonData.first(where: { !Self.isJSONWhitespace($0) }) else {
                throw ErrorRuleSetError.notJSON(reason: "the file is empty.")
            }
            let decoder = JSONDecoder()
            if first == UInt8(ascii: "[") {
                rules = try decoder.decode([ErrorRule].self, from: jsonData)
            } else {
                let file = try decoder.decode(RulesFile.self, from: jsonData)
                if let version = file.version, version != 1 { throw ErrorRuleSetError.unsupportedVersion(version) }
                rules = file.rules
            }
        } catch let error as DecodingError {
            throw Self.explain(error)
        }
        try self.init(rules: rules)
    }

    /// Built-in rules are checked by a test, not at every start.
    init(unchecked rules: [ErrorRule]) {
        self.rules = rules
    }

    /// The rules as a version 1 rules file, the format ``init(jsonData:)`` reads.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(RulesFile(version: 1, rules: rules))
    }

    private static func validate(_ rule: ErrorRule) throws {
        let id = rule.id
        guard !id.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ErrorRuleSetError.invalidRule(id: id, reason: "has an empty id; give every rule a short stable name.")
        }
        guard rule.hasConditions else {
            throw ErrorRuleSetError.invalidRule(
                id: id,
                reason:
                    "has no match conditions, so it would match every error; set at least one of statusCodes, providers, operations, typeEquals, typeContains, codeEquals, codeContains, messageContains or pattern."
            )
        }
        let lists: [(String, [String]?)] = [
            ("providers", rule.providers), ("typeEquals", rule.typeEquals), ("typeContains", rule.typeContains),
            ("codeEquals", rule.codeEquals), ("codeContains", rule.codeContains),
            ("messageContains", rule.messageContains), ("messageExcludes", rule.messageExcludes),
        ]
        for (field, values) in lists {
            if values?.contains(where: { $0.isEmpty }) == true {
                throw ErrorRuleSetError.invalidRule(
                    id: id, reason: "has an empty string in \(field), which would match everything.")
            }
        }
        if let bad = rule.statusCodes?.first(where: { !(100...599).contains($0) }) {
            throw ErrorRuleSetError.invalidRule(id: id, reason: "has status code \(bad), which is not an HTTP status (100–599).")
        }
        if let pattern = rule.pattern {
            do {
                _ = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
            } catch {
                throw ErrorRuleSetError.invalidRule(
                    id: id, reason: "has a pattern that is not a valid regular expression: \(pattern)")
            }
        }
    }

    private static func isJSONWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// Turns the decoder's error into a sentence that names the place in the file.
    private static func explain(_ error: DecodingError) -> ErrorRuleSetError {
        func path(_ codingPath: [any CodingKey]) -> String {
            var text = ""
            // A bare array of rules has paths like [2].category; name them as in the wrapped form.
            if codingPath.first?.intValue != nil { text = "rules" }
            for key in codingPath {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
                }
            }
            return text
        }
        switch error {
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                let reason = (context.underlyingError as? NSError)?.localizedDescription ?? context.debugDescription
                return .notJSON(reason: reason)
            }
            return .invalidFormat(path: path(context.codingPath), reason: context.debugDescription)
        case .keyNotFound(let key, let context):
            let place = path(context.codingPath)
            return .invalidFormat(
                path: place, reason: "the required field '\(key.stringValue)' is missing.")
        case .typeMismatch(_, let context):
            return .invalidFormat(path: path(context.codingPath), reason: context.debugDescription)
        case .valueNotFound(_, let context):
            return .invalidFormat(path: path(context.codingPath), reason: "a value is required here, not null.")
        @unknown default:
            return .invalidFormat(path: "", reason: String(describing: error))
        }
    }
}

/// The rules file as stored: a version and the rules.
private struct RulesFile: Codable {
    var version: Int?
    var rules: [ErrorRule]

    init(version: Int?, rules: [ErrorRule]) {
        self.version = version
        self.rules = rules
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case version, rules }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let raw = try decoder.container(keyedBy: AnyKey.self)
        if let unknown = raw.allKeys.map(\.stringValue).sorted().first(where: { CodingKeys(rawValue: $0) == nil }) {
            // Not a DecodingError: the decoder passes it through unchanged, and an empty coding
            // path would otherwise read as "not JSON".
            throw ErrorRuleSetError.invalidFormat(
                path: "", reason: "'\(unknown)' is not a top-level field; a rules file has 'version' and 'rules'.")
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decodeIfPresent(Int.self, forKey: .version)
        rules = try container.decode([ErrorRule].self, forKey: .rules)
    }
}
