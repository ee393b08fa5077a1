import LoupeCore

/// Where a rollup row sits: its grain, its minute, its spans' role and its dimension values ("" where the grain does not key on one).
public struct RollupKey: Sendable, Hashable {
    public let grain: RollupGrain
    /// Unix time in minutes.
    public let minute: Int64
    public let project: String
    public let service: String
    public let operation: String
    public let provider: String
    public let model: String
    public let status: String
    public let errorCategory: String
    public let user: String
    /// Business dimensions in canonical form (see ``BusinessDimensions``).
    public let business: String
    /// The units the row's spans count in besides spans: requests, calls, both or neither.
    public let role: SpanRole
    /// Computed once: a key passes through several dictionaries (the request's, the queue's, the
    /// writer's pending rows), and hashing its twelve fields each time was the costliest part of aggregating.
    private let hash: Int

    /// The same key at another minute: the hour a minute's row adds into, say.
    public func at(minute: Int64) -> RollupKey {
        RollupKey(
            grain: grain, minute: minute, project: project, service: service, operation: operation, provider: provider, model: model,
            status: status, errorCategory: errorCategory, user: user, business: business, role: role
        )
    }

    public init(
        grain: RollupGrain, minute: Int64, project: String = "", service: String = "", operation: String = "",
        provider: String = "", model: String = "", status: String = "", errorCategory: String = "", user: String = "",
        business: String = "", role: SpanRole = []
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
        self.role = role
        var hasher = Hasher()
        hasher.combine(grain)
        hasher.combine(minute)
        hasher.combine(project)
        hasher.combine(service)
        hasher.combine(operation)
        hasher.combine(provider)
        hasher.combine(model)
        hasher.combine(status)
        hasher.combine(errorCategory)
        hasher.combine(user)
        hasher.combine(business)
        hasher.combine(role.rawValue)
        hash = hasher.finalize()
    }

    /// The same key in another grain and minute, with other business dimensions.
    public func with(grain: RollupGrain, minute: Int64? = nil, business: String? = nil) -> RollupKey {
        RollupKey(
            grain: grain, minute: minute ?? self.minute, project: project, service: service, operation: operation,
            provider: provider, model: model, status: status, errorCategory: errorCategory, user: user,
            business: business ?? self.business, role: role
        )
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(hash)
    }

    public static func == (lhs: RollupKey, rhs: RollupKey) -> Bool {
        lhs.hash == rhs.hash && lhs.grain == rhs.grain && lhs.minute == rhs.minute && lhs.model == rhs.model
            && lhs.user == rhs.user && lhs.service == rhs.service && lhs.operation == rhs.operation
            && lhs.provider == rhs.provider && lhs.status == rhs.status && lhs.errorCategory == rhs.errorCategory
            && lhs.business == rhs.business && lhs.project == rhs.project && lhs.role == rhs.role
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
