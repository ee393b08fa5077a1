/// The users first seen in one week (Monday to Sunday, UTC), and the share of them active in each
/// week since: `retained[0]` is 1, `retained[1]` the next week's share, and so on to the range's end.
public struct RetentionCohort: Sendable, Hashable {
    /// The cohort week's Monday, in days since 1970-01-01.
    public var weekStartDay: Int64
    public var users: Int
    public var retained: [Double]
}
