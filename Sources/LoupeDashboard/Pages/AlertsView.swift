/// What the alerts template shows.
struct AlertsView: Sendable {
    struct Alert: Sendable {
        var id: String
        var status: String
        var severity: String
        var rule: String
        var place: String
        var detail: String
        var since: String
        var sinceISO: String
        var notes: String
        /// Pending or firing: the actions apply.
        var open: Bool
        var actionBase: String
    }

    struct Event: Sendable {
        var at: String
        var atISO: String
        var event: String
        var rule: String
        var place: String
        var detail: String
    }

    struct Rule: Sendable {
        var name: String
        var kind: String
        var condition: String
        var window: String
        var group: String
        var enabled: Bool
        /// Why its last evaluation failed, if it did.
        var failure: String?
    }

    var enabled: Bool
    var alerts: [Alert] = []
    var hasAlerts = false
    var firing = 0
    var events: [Event] = []
    var hasEvents = false
    var rules: [Rule] = []
    /// Nil when only the log line is configured.
    var channels: String?
}
