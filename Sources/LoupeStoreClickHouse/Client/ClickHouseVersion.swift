/// A ClickHouse server's release (`SELECT version()`), for what differs between releases.
struct ClickHouseVersion: Sendable, Comparable, CustomStringConvertible {
    let major: Int
    let minor: Int

    /// Reads `18.16.1` or `24.8.4.13`; nil for anything else.
    init?(_ text: String) {
        let parts = text.split(separator: ".").map { Int($0) }
        guard parts.count >= 2, let major = parts[0], let minor = parts[1] else { return nil }
        self.init(major: major, minor: minor)
    }

    init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }

    var description: String { "\(major).\(minor)" }

    static func < (lhs: ClickHouseVersion, rhs: ClickHouseVersion) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }

    /// Before 20.3 a replicated table never mutates the newest part a quorum insert left in a
    /// partition (ClickHouse issue 7133, fixed by pull request 9463), so retention and erasure
    /// would wait for ever.
    var mutatesQuorumParts: Bool { self >= ClickHouseVersion(major: 20, minor: 3) }

    /// The quorum a replicated store waits for when its address names none: two replicas where
    /// quorum parts can be mutated, and none before (an insert is answered once one replica has
    /// it, the others copying it within seconds).
    var defaultInsertQuorum: Int { mutatesQuorumParts ? 2 : 0 }
}
