/// Puts every failure into an ``ErrorCategory``, names the rule that decided, and fingerprints it.
///
/// Runs at ingest on every failed span, so the work per call is bounded: the message is read once,
/// byte by byte, through a table built when the classifier is created (``PhraseMatcher``); the
/// rules then only test bits and compare short lower-cased names. Regular expressions run only for
/// user rules that ask for one, and only when the rule's other conditions already hold.
///
/// Create one classifier and share it: building the table costs far more than a classification.
public struct ErrorClassifier: Sendable {
    private let rules: [CompiledErrorRule]
    private let matcher: PhraseMatcher
    /// Phrase ids of the markers after which a message states an HTTP status (`error code: 429`).
    private let statusMarkers: Range<Int>

    /// Messages longer than this are only read up to here; what identifies an error comes first.
    static let maxScannedBytes = 16 * 1024

    /// A classifier with the built-in rules, after `userRules`, which are checked first.
    ///
    /// Rules are used as given; load user rules through ``ErrorRuleSet`` to have them validated.
    public init(userRules: [ErrorRule] = []) {
        self.init(rules: userRules + ErrorRuleSet.builtInRules)
    }

    /// A classifier with the built-in rules, after the rules of `userRules`, which are checked first.
    public init(userRules: ErrorRuleSet) {
        self.init(userRules: userRules.rules)
    }

    /// A classifier with exactly these rules, in this order, and no built-in ones.
    public init(only ruleSet: ErrorRuleSet) {
        self.init(rules: ruleSet.rules)
    }

    private init(rules: [ErrorRule]) {
        var phrases: [[UInt8]] = []
        var ids: [String: Int] = [:]
        func intern(_ phrase: String) -> Int {
            if let id = ids[phrase] { return id }
            let id = phrases.count
            ids[phrase] = id
            phrases.append(Array(phrase.utf8))
            return id
        }
        self.rules = rules.map { CompiledErrorRule($0, phraseId: intern) }
        let firstMarker = phrases.count
        for marker in Self.statusMarkerPhrases { phrases.append(Array(marker.utf8)) }
        statusMarkers = firstMarker..<phrases.count
        matcher = PhraseMatcher(phrases: phrases)
    }

    /// The ids of the rules, in the order they are tried.
    public var ruleIds: [String] { rules.map(\.id) }

    /// Classifies one failure. Never fails: a signal nothing recognises is `unknown`.
    public func classify(_ signal: ErrorSignal) -> ErrorClassification {
        let message = signal.message ?? ""
        var phrases = PhraseSet(capacity: matcher.phrases.count)
        var statedStatus: Int?
        scan(message) { bytes in
            matcher.scan(bytes) { id, end in
                if statusMarkers.contains(id) {
                    if statedStatus == nil { statedStatus = Self.status(in: bytes, at: end) }
                } else {
                    phrases.insert(id)
                }
            }
            if statedStatus == nil { statedStatus = Self.status(in: bytes, at: 0) }
        }

        var typeNames: [SignalFacts.TypeName] = []
        if let type = signal.errorType, !type.isEmpty { typeNames.append(.init(type)) }
        if let type = signal.exceptionType, !type.isEmpty, type != signal.errorType { typeNames.append(.init(type)) }
        let code = signal.code.flatMap { $0.isEmpty ? nil : $0.lowercased() }

        let facts = SignalFacts(
            status: signal.httpStatus ?? Self.status(named: signal.errorType) ?? Self.status(named: signal.code)
                ?? statedStatus,
            provider: signal.provider.map(ProviderName.canonical),
            operation: signal.operation,
            typeNames: typeNames,
            code: code,
            message: signal.message,
            phrases: phrases
        )
        let rule = rules.first { $0.matches(facts) }
        let category = rule?.category ?? .unknown
        let template = ErrorFingerprint.template(of: message)
        let fingerprint = ErrorFingerprint(
            category: category, errorType: signal.errorType ?? signal.exceptionType, template: template)
        return ErrorClassification(category: category, fingerprint: fingerprint.hex, template: template, ruleId: rule?.id)
    }

    /// Hands the message's UTF-8 bytes to `body`, without copying them when the string is native.
    private func scan(_ message: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        // ASCII case is folded by the matcher's table. Only phrases with other scripts need the
        // message lower-cased by Unicode rules first, which costs a copy; most rule sets have none.
        var text = message
        if matcher.hasNonASCIIPhrases, message.utf8.contains(where: { $0 >= 0x80 }) {
            text = message.lowercased()
        }
        text.withUTF8 { bytes in
            body(UnsafeBufferPointer(rebasing: bytes.prefix(Self.maxScannedBytes)))
        }
    }

    // MARK: Statuses stated outside the HTTP status field

    /// Texts after which clients write the HTTP status: OpenAI's and Anthropic's Python SDKs
    /// (`Error code: 429 - {…}`), Snowflake (`remote service error: 400 '…'`), requests
    /// (`429 Client Error`, handled by the leading-number check), proxies (`HTTP 503`).
    static let statusMarkerPhrases = [
        "error code: ", "error code ", "status code: ", "status code ", "status_code=", "status_code: ",
        "statuscode: ", "status: ", "remote service error: ", "http error ", "http/1.1 ", "http/2 ", "http ",
        "returned ",
    ]

    /// A 4xx or 5xx status written as three digits at `offset`, not followed by another digit.
    private static func status(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int? {
        guard offset + 3 <= bytes.count else { return nil }
        var value = 0
        for k in offset..<offset + 3 {
            let byte = bytes[k]
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        if offset + 3 < bytes.count, bytes[offset + 3] >= 0x30 && bytes[offset + 3] <= 0x39 { return nil }
        return (400...599).contains(value) ? value : nil
    }

    /// `error.type` and provider codes are sometimes just the status (`"429"`).
    private static func status(named name: String?) -> Int? {
        guard let name, name.utf8.count == 3, let value = Int(name), (400...599).contains(value) else { return nil }
        return value
    }
}
