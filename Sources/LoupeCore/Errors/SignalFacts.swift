/// What the rules look at, computed once per signal.
struct SignalFacts {
    /// A type name lower-cased, whole and without its module or package prefix.
    struct TypeName {
        let full: String
        let unqualified: String

        init(_ name: String) {
            full = name.lowercased()
            if let dot = full.lastIndex(where: { $0 == "." || $0 == ":" }) {
                unqualified = String(full[full.index(after: dot)...])
            } else {
                unqualified = full
            }
        }
    }

    let status: Int?
    let provider: String?
    let operation: OperationKind?
    let typeNames: [TypeName]
    let code: String?
    let message: String?
    let phrases: PhraseSet
}
