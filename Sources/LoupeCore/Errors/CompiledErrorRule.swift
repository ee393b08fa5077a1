/// An ``ErrorRule`` prepared for the hot path: strings lower-cased, message phrases replaced by
/// their ids in the classifier's ``PhraseMatcher``, the pattern compiled.
struct CompiledErrorRule: Sendable {
    let id: String
    let category: ErrorCategory
    let statusCodes: [Int]
    let providers: [String]
    let operations: [OperationKind]
    /// Sets: the built-in identifier rules list dozens of names each.
    let typeEquals: Set<String>
    let typeContains: [String]
    let codeEquals: Set<String>
    let codeContains: [String]
    let messagePhrases: [Int]
    let excludedPhrases: [Int]
    /// Nil when the rule has no pattern.
    let pattern: CompiledPattern?
    let hasIdentityCondition: Bool

    /// `phraseId` interns a lower-cased phrase in the shared matcher.
    init(_ rule: ErrorRule, phraseId: (String) -> Int) {
        id = rule.id
        category = rule.category
        statusCodes = rule.statusCodes ?? []
        // Canonical, so a rule may say `bedrock` or `vertex_ai` for `aws.bedrock` or `gcp.vertex_ai`.
        providers = (rule.providers ?? []).map(ProviderName.canonical)
        operations = rule.operations ?? []
        typeEquals = Set((rule.typeEquals ?? []).map { $0.lowercased() })
        typeContains = (rule.typeContains ?? []).map { $0.lowercased() }
        codeEquals = Set((rule.codeEquals ?? []).map { $0.lowercased() })
        codeContains = (rule.codeContains ?? []).map { $0.lowercased() }
        messagePhrases = (rule.messageContains ?? []).filter { !$0.isEmpty }.map { phraseId($0.lowercased()) }
        excludedPhrases = (rule.messageExcludes ?? []).filter { !$0.isEmpty }.map { phraseId($0.lowercased()) }
        pattern = rule.pattern.map(CompiledPattern.init)
        hasIdentityCondition =
            !typeEquals.isEmpty || !typeContains.isEmpty || !codeEquals.isEmpty || !codeContains.isEmpty
    }

    /// Conditions are checked cheapest first; the pattern, the only expensive one, last.
    func matches(_ facts: SignalFacts) -> Bool {
        if !statusCodes.isEmpty {
            guard let status = facts.status, statusCodes.contains(status) else { return false }
        }
        if !providers.isEmpty {
            guard let provider = facts.provider, providers.contains(provider) else { return false }
        }
        if !operations.isEmpty {
            guard let operation = facts.operation, operations.contains(operation) else { return false }
        }
        if hasIdentityCondition && !matchesIdentity(facts) { return false }
        if !messagePhrases.isEmpty && !messagePhrases.contains(where: facts.phrases.contains) { return false }
        if excludedPhrases.contains(where: facts.phrases.contains) { return false }
        if let pattern {
            guard let message = facts.message, pattern.matches(message) else { return false }
        }
        return true
    }

    private func matchesIdentity(_ facts: SignalFacts) -> Bool {
        for name in facts.typeNames {
            if typeEquals.contains(name.full) || typeEquals.contains(name.unqualified) { return true }
            if typeContains.contains(where: { name.full.contains($0) }) { return true }
        }
        if let code = facts.code {
            if codeEquals.contains(code) { return true }
            if codeContains.contains(where: { code.contains($0) }) { return true }
        }
        return false
    }
}
