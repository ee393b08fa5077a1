import LoupeCore

/// The failures of one category (and group key), with what to do about them.
public struct ErrorCategoryGroup: Sendable, Hashable {
    /// Dimension values of the group, for the dimensions grouped by.
    public var key: [String: String]
    public var category: ErrorCategory
    public var count: Int
    /// Most frequent first.
    public var fingerprints: [ErrorFingerprintGroup]
}
