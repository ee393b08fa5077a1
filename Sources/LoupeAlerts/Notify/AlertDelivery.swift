/// How one notification went to one channel: logged for every delivery, and kept in the history.
public struct AlertDelivery: Sendable, Hashable {
    public var channel: String
    public var attempts: Int
    /// The last HTTP status, when the channel answered.
    public var status: Int?
    public var delivered: Bool
    public var error: String?

    public init(channel: String, attempts: Int, status: Int?, delivered: Bool, error: String?) {
        self.channel = channel
        self.attempts = attempts
        self.status = status
        self.delivered = delivered
        self.error = error
    }
}
