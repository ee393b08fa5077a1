import LoupeStore

/// Where the time goes for one root operation over a range: its traces' stage breakdowns, added up.
public struct BreakdownQuery: Sendable, Hashable {
    public var range: TimeRange
    public var project: String?
    public var service: String?
    /// The root span name; nil picks the operation with the most traces.
    public var rootName: String?
    /// Traces read, newest first: the breakdown of a sample, stated as such.
    public var sampleSize: Int

    public static let defaultSampleSize = 500

    public init(
        range: TimeRange, project: String? = nil, service: String? = nil, rootName: String? = nil,
        sampleSize: Int = BreakdownQuery.defaultSampleSize
    ) {
        self.range = range
        self.project = project
        self.service = service
        self.rootName = rootName
        self.sampleSize = sampleSize
    }
}
