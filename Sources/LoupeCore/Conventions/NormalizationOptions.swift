/// What the normaliser needs to know beyond the span itself.
public struct NormalizationOptions: Sendable, Hashable {
    /// Business dimensions to extract (e.g. `business_unit`), looked up under every convention's metadata keys.
    public var businessDimensions: [String]
    /// The project of spans whose resource names none.
    public var defaultProject: String
    /// Longest dimension value kept; longer values are cut so one bad label cannot bloat rollups.
    public var maxDimensionValueLength: Int

    public init(businessDimensions: [String] = [], defaultProject: String = "default", maxDimensionValueLength: Int = 128) {
        self.businessDimensions = businessDimensions
        self.defaultProject = defaultProject
        self.maxDimensionValueLength = maxDimensionValueLength
    }

    public static let `default` = NormalizationOptions(businessDimensions: ["business_unit", "query_category"])
}
