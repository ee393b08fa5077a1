/// A place notifications are delivered to.
public protocol AlertChannel: Sendable {
    var config: AlertChannelConfig { get }
    /// Delivers, retrying as the channel sees fit; never throws: the outcome says what happened.
    func deliver(_ notification: AlertNotification) async -> AlertDelivery
}
