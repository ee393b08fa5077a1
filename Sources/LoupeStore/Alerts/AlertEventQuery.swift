/// Alert history in a range, newest first, optionally of one alert.
public struct AlertEventQuery: Sendable, Hashable {
    public var fromNanos: Int64
    public var toNanos: Int64
    public var alertId: String?
    public var limit: Int

    public init(fromNanos: Int64, toNanos: Int64, alertId: String? = nil, limit: Int = 500) {
        self.fromNanos = fromNanos
        self.toNanos = toNanos
        self.alertId = alertId
        self.limit = limit
    }

    public func matches(_ event: AlertEvent) -> Bool {
        event.atNanos >= fromNanos && event.atNanos < toNanos && (alertId == nil || event.alertId == alertId)
    }
}
