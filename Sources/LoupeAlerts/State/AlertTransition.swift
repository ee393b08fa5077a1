/// A change of an alert that people are told about.
public struct AlertTransition: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case firing
        /// Still firing, at a higher severity than announced.
        case escalated
        case resolved
    }

    public var kind: Kind
    public var alert: AlertState

    public init(kind: Kind, alert: AlertState) {
        self.kind = kind
        self.alert = alert
    }
}
