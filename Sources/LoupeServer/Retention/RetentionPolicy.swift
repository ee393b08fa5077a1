import LoupeStore

/// How long Loupe keeps what it stores: spans (with their traces, scores and retrieval steps) and
/// rollups, in days, for every project unless a project has its own. A project's period left out
/// is the default's; a default left out keeps forever.
///
/// Optionally, a ceiling on the stored data's size: over it, the oldest data goes first, whatever
/// its project, until the data fits: traces, or rollup periods older than every trace (rollups of
/// a service with many users per minute take about as much room as its spans).
///
/// ```yaml
/// spans_days: 30
/// rollups_days: 400
/// max_database_mib: 20480
/// projects:
///   acme: {spans_days: 7}
/// ```
public struct RetentionPolicy: Sendable, Hashable, Codable {
    public struct Periods: Sendable, Hashable, Codable {
        public var spansDays: Int?
        public var rollupsDays: Int?

        public init(spansDays: Int? = nil, rollupsDays: Int? = nil) {
            self.spansDays = spansDays
            self.rollupsDays = rollupsDays
        }

        enum CodingKeys: String, CodingKey {
            case spansDays = "spans_days"
            case rollupsDays = "rollups_days"
        }
    }

    public var defaults: Periods
    public var projects: [String: Periods]
    /// The most the stored data may take, in MiB (2^20 bytes); nil for no ceiling.
    public var maxDatabaseMiB: Int?

    public init(defaults: Periods = Periods(), projects: [String: Periods] = [:], maxDatabaseMiB: Int? = nil) {
        self.defaults = defaults
        self.projects = projects
        self.maxDatabaseMiB = maxDatabaseMiB
    }

    /// Whether anything is ever deleted.
    public var isEnabled: Bool {
        maxDatabaseMiB != nil || ([defaults] + projects.values).contains { $0.spansDays != nil || $0.rollupsDays != nil }
    }

    /// The ceiling in bytes.
    var maxDatabaseBytes: Int64? { maxDatabaseMiB.map { Int64($0) << 20 } }

    /// A project's own periods, each falling back to the defaults.
    public func periods(for project: String) -> Periods {
        let own = projects[project]
        return Periods(spansDays: own?.spansDays ?? defaults.spansDays, rollupsDays: own?.rollupsDays ?? defaults.rollupsDays)
    }

    /// The batches one retention pass runs: each project with rules of its own, then every other
    /// project under the defaults; `keyPath` picks spans or rollups.
    func selections(_ period: KeyPath<Periods, Int?>, nowNanos: Int64) -> [(ProjectSelection, Int64)] {
        var result: [(ProjectSelection, Int64)] = []
        for (project, _) in projects.sorted(by: { $0.key < $1.key }) {
            if let days = periods(for: project)[keyPath: period] { result.append((.only(project), nowNanos - Int64(days) * 86_400_000_000_000)) }
        }
        if let days = defaults[keyPath: period] {
            result.append((.allBut(Set(projects.keys)), nowNanos - Int64(days) * 86_400_000_000_000))
        }
        return result
    }

    /// The first problem with the policy, in a sentence; nil when it is valid.
    public var problem: String? {
        for (name, periods) in [("defaults", defaults)] + projects.sorted(by: { $0.key < $1.key }).map({ ("project \($0.key)", $0.value) }) {
            for (field, value) in [("spans_days", periods.spansDays), ("rollups_days", periods.rollupsDays)] {
                if let value, !(1...36_500).contains(value) { return "\(name): \(field) must be from 1 to 36500 days, not \(value)" }
            }
        }
        if let mib = maxDatabaseMiB, !(1...(1 << 30)).contains(mib) { return "max_database_mib must be from 1 to \(1 << 30) MiB, not \(mib)" }
        if projects.keys.contains(where: \.isEmpty) { return "a project's name cannot be empty" }
        return nil
    }

    enum CodingKeys: String, CodingKey {
        case projects
        case maxDatabaseMiB = "max_database_mib"
    }

    public init(from decoder: any Decoder) throws {
        defaults = try Periods(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        projects = try container.decodeIfPresent([String: Periods].self, forKey: .projects) ?? [:]
        maxDatabaseMiB = try container.decodeIfPresent(Int.self, forKey: .maxDatabaseMiB)
    }

    public func encode(to encoder: any Encoder) throws {
        try defaults.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(projects, forKey: .projects)
        try container.encodeIfPresent(maxDatabaseMiB, forKey: .maxDatabaseMiB)
    }
}
