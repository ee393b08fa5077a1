import LoupeCore
import LoupeStore

/// Coarser copies of the rollups, each row the sum of the finer rows it covers, written in the same
/// transaction: a read over days takes whole days, hours and ten minutes from them and only its
/// edges from minutes (a week of hourly rows is sixty times fewer than of minutes).
enum RollupTier: CaseIterable, Sendable {
    case day, hour, tenMinutes

    var table: String {
        switch self {
        case .day: return "rollups_daily"
        case .hour: return "rollups_hourly"
        case .tenMinutes: return "rollups_10m"
        }
    }

    var minutes: Int64 {
        switch self {
        case .day: return 1_440
        case .hour: return 60
        case .tenMinutes: return 10
        }
    }

    /// Whether this tier keeps rows of a grain. Ten-minute rows pay for themselves for the core
    /// grain only (business labels multiply them nearly as much as minutes do, and user rows are
    /// ten minutes long already); hours and days keep every grain, so a month's spend by user
    /// reads days and the hours of today.
    func keeps(_ grain: RollupGrain) -> Bool {
        self == .tenMinutes ? grain == .core : true
    }

    /// The tiers a merged read may take rows from: each of its rows must fall in one step, so the
    /// steps must be whole tier rows counted from a tier boundary. Coarsest first.
    static func usable(for query: RollupQuery) -> [RollupTier] {
        guard let merge = query.merge else { return [] }
        return allCases.filter { tier in
            guard tier.keeps(query.grain) else { return false }
            guard let step = merge.stepMinutes else { return true }
            return step % tier.minutes == 0 && UnixMinute.floorDivide(merge.originMinute, tier.minutes) * tier.minutes == merge.originMinute
        }
    }

    /// Where each part of `[from, to)` is read: the coarsest tier's whole rows in the middle, finer
    /// tiers toward the edges, minutes (`rollups`) at the very edges.
    static func parts(from: Int64, to: Int64, tiers: [RollupTier]) -> [(table: String, from: Int64, to: Int64)] {
        guard from < to else { return [] }
        guard let tier = tiers.first else { return [("rollups", from, to)] }
        let finer = Array(tiers.dropFirst())
        let first = -UnixMinute.floorDivide(-from, tier.minutes) * tier.minutes
        let end = UnixMinute.floorDivide(to, tier.minutes) * tier.minutes
        guard end > first else { return parts(from: from, to: to, tiers: finer) }
        return parts(from: from, to: first, tiers: finer) + [(tier.table, first, end)] + parts(from: end, to: to, tiers: finer)
    }
}
