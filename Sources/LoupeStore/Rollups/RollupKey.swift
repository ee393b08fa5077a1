/// Where a rollup row sits: its grain, its minute and its dimension values ("" where the grain does not key on one).
public struct RollupKey: Sendable, Hashable {
    public var grain: RollupGrain
    /// Unix time in minutes.
    public var minute: Int64
    public var project: String
    public var service: String
    public var operation: String
    public var provider: String
    public var model: String
    public var status: String
    public var errorCategory: String
    public var user: String
    /// Business dimensions in canonical form (see ``BusinessDimensions``).
    public var business: String

    public init(
        grain: RollupGrain, minute: Int64, project: String = "", service: String = "", operation: String = "",
        provider: String = "", model: String = "", status: String = "", errorCategory: String = "", user: String = "",
        business: String = ""
    ) {
        self.grain = grain
        self.minute = minute
        self.project = project
        self.service = service
        self.operation = operation
        self.provider = provider
        self.model = model
        self.status = status
        self.errorCategory = errorCategory
        self.user = user
        self.business = business
    }

    /// The row's value for a dimension.
    public func value(of dimension: TelemetryDimension) -> String {
        switch dimension {
        case .project: return project
        case .service: return service
        case .operation: return operation
        case .provider: return provider
        case .model: return model
        case .status: return status
        case .errorCategory: return errorCategory
        case .user: return user
        default: return BusinessDimensions.value(of: dimension.name, in: business)
        }
    }
}
