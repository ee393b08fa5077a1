import LoupeCore
import LoupeStore

/// How people use sessions: how many, how many per user, how many requests each, how long; over
/// the sessions of the range's newest ``EngagementQuery/defaultSessionRequests`` requests.
public struct SessionStats: Sendable, Hashable {
    public var sessions: Int
    /// Whether the range held more requests with a session than were read.
    public var sampled: Bool
    /// Sessions with a user over the users who had one; nil without any.
    public var sessionsPerUser: Double?
    public var requestsPerSessionMean: Double?
    public var requestsPerSessionP50: Double?
    public var requestsPerSessionP90: Double?
    public var lengthP50Ms: Double?
    public var lengthP90Ms: Double?

    init(_ shapes: [SessionShape], limit: Int = EngagementQuery.defaultSessionRequests) {
        sessions = shapes.count
        sampled = shapes.reduce(0) { $0 + $1.requests } >= limit
        let users = Set(shapes.compactMap(\.userId))
        sessionsPerUser = users.isEmpty ? nil : Double(shapes.count { $0.userId != nil }) / Double(users.count)
        let requests = shapes.map { Double($0.requests) }.sorted()
        requestsPerSessionMean = requests.isEmpty ? nil : SampleMoments(requests).mean
        requestsPerSessionP50 = NearestRank.quantile(0.5, ofSorted: requests)
        requestsPerSessionP90 = NearestRank.quantile(0.9, ofSorted: requests)
        let lengths = shapes.map(\.durationMs).sorted()
        lengthP50Ms = NearestRank.quantile(0.5, ofSorted: lengths)
        lengthP90Ms = NearestRank.quantile(0.9, ofSorted: lengths)
    }
}
