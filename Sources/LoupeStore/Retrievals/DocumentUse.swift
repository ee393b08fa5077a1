/// How often one document was retrieved in a range, for ``TelemetryStore/documentUses(_:)``.
public struct DocumentUse: Sendable, Hashable {
    public var id: String
    /// Times retrieval steps returned it (a step that lists it twice counts twice).
    public var retrievals: Int
    /// Its mean score in those steps; nil when none scored it.
    public var meanScore: Double?
    public var lastNanos: Int64

    public init(id: String, retrievals: Int, meanScore: Double?, lastNanos: Int64) {
        self.id = id
        self.retrievals = retrievals
        self.meanScore = meanScore
        self.lastNanos = lastNanos
    }
}
