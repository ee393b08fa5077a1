import LoupeAnalytics
import LoupeStore

/// What the layout template shows around a page.
struct LayoutView: Sendable {
    struct Chip: Sendable {
        var name: String
        var value: String
        /// Nil for a filter the viewer cannot remove (their key's project).
        var removeHref: String?
    }

    struct Field: Sendable {
        var name: String
        var value: String
    }

    var title: String
    var path: String
    var nav: [ViewLink]
    var presets: [ViewLink]
    var chips: [Chip]
    var fields: [Field]
    var hidden: [Field]
    var rangeText: String
    var fromSeconds: Int64
    var toSeconds: Int64
    var live: Bool
    var liveSeconds: Int
    var content: String
    var notice: String

    /// Filters offered in the bar on every page; others are set by following links.
    static let barFilters = ["service", "model", "user"]

    init(
        title: String, section: DashboardSection, path: String, query: DashboardQuery, live: Bool, content: String, notice: String = "",
        hiddenSections: Set<DashboardSection> = [], fixedFilters: Set<TelemetryDimension> = []
    ) {
        self.notice = notice
        self.title = title
        self.path = path
        nav = DashboardSection.allCases.filter { !hiddenSections.contains($0) }.map {
            ViewLink(label: $0.label, href: query.link(to: $0.path), active: $0 == section)
        }
        presets = DashboardQuery.presets.map { preset in
            ViewLink(label: preset.name, href: query.link(path, ["range": preset.name, "from": nil, "to": nil]), active: query.preset == preset.name)
        }
        chips = query.filters.keys.sorted().map { dimension in
            Chip(
                name: dimension.name, value: query.filters[dimension] ?? "",
                removeHref: fixedFilters.contains(dimension) ? nil : query.link(path, [dimension.name: nil])
            )
        }
        fields = Self.barFilters.map { Field(name: $0, value: query.parameters[$0] ?? "") }
        hidden = query.parameters.filter { !Self.barFilters.contains($0.key) }.sorted { $0.key < $1.key }.map { Field(name: $0.key, value: $0.value) }
        let from = query.range.fromNanos / 1_000_000_000
        let to = query.range.toNanos / 1_000_000_000
        rangeText = query.preset.map { "Last \($0)" }
            ?? "\(DisplayFormat.utcTime(from, withDate: true)) – \(DisplayFormat.utcTime(to, withDate: true)) UTC"
        fromSeconds = from
        toSeconds = to
        self.live = live && query.preset != nil
        liveSeconds = self.live ? 10 : 0
        self.content = content
    }
}
