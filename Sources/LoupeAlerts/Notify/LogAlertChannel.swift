import Logging

/// One log line per notification, at warning for firing alerts and notice for resolutions.
public struct LogAlertChannel: AlertChannel {
    public let config: AlertChannelConfig
    let logger: Logger

    public init(config: AlertChannelConfig, logger: Logger) {
        self.config = config
        self.logger = logger
    }

    public func deliver(_ notification: AlertNotification) async -> AlertDelivery {
        logger.log(level: notification.status == "resolved" ? .notice : .warning, "\(notification.summary)", metadata: [
            "alert": "\(notification.alert.id)", "rule": "\(notification.alert.rule)", "status": "\(notification.status)",
            "severity": "\(notification.alert.severity.rawValue)", "dashboard": "\(notification.dashboardURL)",
        ])
        return AlertDelivery(channel: config.name, attempts: 1, status: nil, delivered: true, error: nil)
    }
}
