/// What a write did: spans stored for the first time, and spans already stored (sent again by a retrying client).
public struct WriteOutcome: Sendable, Hashable {
    public var inserted: Int
    public var duplicates: Int

    public init(inserted: Int = 0, duplicates: Int = 0) {
        self.inserted = inserted
        self.duplicates = duplicates
    }

    public static func + (a: WriteOutcome, b: WriteOutcome) -> WriteOutcome {
        WriteOutcome(inserted: a.inserted + b.inserted, duplicates: a.duplicates + b.duplicates)
    }
}
