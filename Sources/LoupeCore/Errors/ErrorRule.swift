/// One classification rule: if a signal meets every condition the rule sets, it gets the rule's category.
///
/// Rules are data, so users can add their own in a JSON file (see `README.md` next to this file).
///
/// Matching:
/// - Conditions of different kinds are combined with AND; within one list, any entry may match (OR).
/// - The identity conditions — ``typeEquals``, ``typeContains``, ``codeEquals``, ``codeContains`` —
///   form one group: when several are set, any one of them matching satisfies the group, because the
///   same provider code arrives as `error.type` from one SDK and as a code from another.
/// - Type conditions look at both `error.type` and `exception.type`; ``typeEquals`` also accepts the
///   unqualified name, so `RateLimitError` matches `openai.RateLimitError`.
/// - All text comparisons ignore case. ``messageContains`` and ``messageExcludes`` are plain
///   substrings; ``pattern`` is a regular expression, compiled once, for the rare rule that needs one.
/// - ``statusCodes`` match the HTTP status, or, when the signal has none, a status stated in the
///   error type, code or message (`Error code: 429 - …`, `remote service error: 400`, `504 Deadline Exceeded`).
public struct ErrorRule: Sendable, Hashable {
    /// A stable name, reported as ``ErrorClassification/ruleId`` so a classification can be explained.
    public var id: String
    public var category: ErrorCategory
    public var statusCodes: [Int]?
    /// Canonical provider names the rule is limited to (`openai`, `aws.bedrock`, …).
    public var providers: [String]?
    /// Operation kinds the rule is limited to.
    public var operations: [OperationKind]?
    public var typeEquals: [String]?
    public var typeContains: [String]?
    public var codeEquals: [String]?
    public var codeContains: [String]?
    /// Matches when the message contains any of these.
    public var messageContains: [String]?
    /// Vetoes the rule when the message contains any of these.
    public var messageExcludes: [String]?
    /// A regular expression searched in the message, case-insensitively.
    public var pattern: String?

    public init(
        id: String, category: ErrorCategory, statusCodes: [Int]? = nil, providers: [String]? = nil,
        operations: [OperationKind]? = nil, typeEquals: [String]? = nil, typeContains: [String]? = nil,
        codeEquals: [String]? = nil, codeContains: [String]? = nil, messageContains: [String]? = nil,
        messageExcludes: [String]? = nil, pattern: String? = nil
    ) {
        self.id = id
        self.category = category
        self.statusCodes = statusCodes
        self.providers = providers
        self.operations = operations
        self.typeEquals = typeEquals
        self.typeContains = typeContains
        self.codeEquals = codeEquals
        self.codeContains = codeContains
        self.messageContains = messageContains
        self.messageExcludes = messageExcludes
        self.pattern = pattern
    }

    /// Whether the rule sets any condition that selects errors (``messageExcludes`` only vetoes).
    public var hasConditions: Bool {
        statusCodes?.isEmpty == false || providers?.isEmpty == false || operations?.isEmpty == false
            || typeEquals?.isEmpty == false || typeContains?.isEmpty == false || codeEquals?.isEmpty == false
            || codeContains?.isEmpty == false || messageContains?.isEmpty == false || pattern != nil
    }
}

extension ErrorRule: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, category, statusCodes, providers, operations, typeEquals, typeContains, codeEquals, codeContains
        case messageContains, messageExcludes, pattern
    }

    /// Any key, so unknown fields can be reported instead of silently ignored: a misspelt
    /// `messageContain` would otherwise turn a rule into one that matches far more than intended.
    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        let known = Set(CodingKeys.allCases.map(\.rawValue))
        let raw = try decoder.container(keyedBy: AnyKey.self)
        if let unknown = raw.allKeys.map(\.stringValue).sorted().first(where: { !known.contains($0) }) {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription:
                        "'\(unknown)' is not a rule field; the fields are \(CodingKeys.allCases.map(\.rawValue).joined(separator: ", "))."
                ))
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let categoryName = try container.decode(String.self, forKey: .category)
        guard let category = ErrorCategory(rawValue: categoryName) else {
            throw DecodingError.dataCorruptedError(
                forKey: .category, in: container,
                debugDescription:
                    "'\(categoryName)' is not a category; use one of \(ErrorCategory.allCases.map(\.rawValue).joined(separator: ", "))."
            )
        }
        var operations: [OperationKind]?
        if let names = try container.decodeIfPresent([String].self, forKey: .operations) {
            operations = try names.map { name in
                guard let kind = OperationKind(rawValue: name) else {
                    throw DecodingError.dataCorruptedError(
                        forKey: .operations, in: container,
                        debugDescription:
                            "'\(name)' is not an operation kind; use one of \(OperationKind.allCases.map(\.rawValue).joined(separator: ", "))."
                    )
                }
                return kind
            }
        }
        self.init(
            id: try container.decode(String.self, forKey: .id),
            category: category,
            statusCodes: try container.decodeIfPresent([Int].self, forKey: .statusCodes),
            providers: try container.decodeIfPresent([String].self, forKey: .providers),
            operations: operations,
            typeEquals: try container.decodeIfPresent([String].self, forKey: .typeEquals),
            typeContains: try container.decodeIfPresent([String].self, forKey: .typeContains),
            codeEquals: try container.decodeIfPresent([String].self, forKey: .codeEquals),
            codeContains: try container.decodeIfPresent([String].self, forKey: .codeContains),
            messageContains: try container.decodeIfPresent([String].self, forKey: .messageContains),
            messageExcludes: try container.decodeIfPresent([String].self, forKey: .messageExcludes),
            pattern: try container.decodeIfPresent(String.self, forKey: .pattern)
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(category, forKey: .category)
        try container.encodeIfPresent(statusCodes, forKey: .statusCodes)
        try container.encodeIfPresent(providers, forKey: .providers)
        try container.encodeIfPresent(operations, forKey: .operations)
        try container.encodeIfPresent(typeEquals, forKey: .typeEquals)
        try container.encodeIfPresent(typeContains, forKey: .typeContains)
        try container.encodeIfPresent(codeEquals, forKey: .codeEquals)
        try container.encodeIfPresent(codeContains, forKey: .codeContains)
        try container.encodeIfPresent(messageContains, forKey: .messageContains)
        try container.encodeIfPresent(messageExcludes, forKey: .messageExcludes)
        try container.encodeIfPresent(pattern, forKey: .pattern)
    }
}
