import Foundation
/// One alert: a rule's breach for one group, from its first breaching evaluation to its resolution.
public struct AlertState: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, Codable {
        /// Breaching, but for fewer consecutive evaluations than the rule's `for`.
        case pending
        case firing
        case resolved
    }

    /// Stable for a rule and a group: the same breach is one alert, however often it is evaluated.
    public var id: String
    public var rule: String
    public var key: [String: String]
    public var status: Status
    public var severity: AlertSeverity
    public var value: Double?
    public var detail: String
    public var startedNanos: Int64
    public var firedNanos: Int64?
    public var resolvedNanos: Int64?
    /// Consecutive breaching evaluations.
    public var breaches: Int
    public var acknowledgedBy: String?
    public var silencedUntilNanos: Int64?
    /// The severity last announced as firing; an escalation past it is announced again.
    public var notifiedSeverity: AlertSeverity?
    /// A notification held back by quiet hours, sent when they end.
    public var deferred: AlertTransition.Kind?

    public init(id: String, rule: String, key: [String: String], severity: AlertSeverity, value: Double?, detail: String, startedNanos: Int64) {
        self.id = id
        self.rule = rule
        self.key = key
        self.status = .pending
        self.severity = severity
        self.value = value
        self.detail = detail
        self.startedNanos = startedNanos
        self.breaches = 0
    }

    /// The id of a rule's alert for one group: the rule and the sorted key, hashed to 16 hex digits.
    public static func id(rule: String, key: [String: String]) -> String {
        let text = rule + "\u{1F}" + key.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\u{1F}")
        // FNV-1a: stable across runs and processes, unlike Hasher.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16).leftPadded(to: 16)
    }

    public func isSilenced(atNanos now: Int64) -> Bool {
        silencedUntilNanos.map { $0 > now } ?? false
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
