/// One user's requests on one UTC day, with the day of their first request ever.
struct UserDay: Sendable, Hashable {
    var userId: String
    /// Days since 1970-01-01, UTC.
    var day: Int64
    var requests: Int
    /// `Int64.min` for users with no request in the report's range, whose first request was not looked up.
    var firstSeenDay: Int64
}
