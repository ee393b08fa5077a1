import LoupeCore
import LoupeStore

/// What ``TelemetryAnalytics/experimentReport(_:)`` compares.
public struct ExperimentQuery: Sendable, Hashable {
    /// The experiment's name, or for a comparison without one what it compares (`model in support-rag`).
    public var name: String
    /// What tells the arms apart: the experiment's variants unless the query compares requests'
    /// models, prompt versions or dimension values (``comparing(_:service:range:project:control:alpha:)``).
    public var grouping: ArmGrouping
    /// Only requests entering this service.
    public var service: String?
    public var range: TimeRange
    public var project: String?
    /// The variant the others are compared with. When nil: an experiment's `control`, `baseline`,
    /// `a` or `default`, else its first name alphabetically; a comparison's arm with most requests.
    public var control: String?
    /// The intended share of each variant, for the sample-ratio check; an even split when empty.
    public var split: [String: Double]
    /// The significance level of every test.
    public var alpha: Double

    /// Thirty days: experiments run for weeks.
    public static let defaultRangeSeconds: Int64 = 30 * 86_400

    public init(name: String, range: TimeRange, project: String? = nil, control: String? = nil, split: [String: Double] = [:], alpha: Double = 0.05) {
        self.name = name
        self.grouping = .experiment(name)
        self.range = range
        self.project = project
        self.control = control
        self.split = split
        self.alpha = alpha
    }

    /// A comparison of the arms a service's requests fall into without a declared experiment: its
    /// models, prompt versions or a business dimension's values. No split was intended, so the
    /// sample-ratio check is left out.
    public static func comparing(
        _ grouping: ArmGrouping, service: String?, range: TimeRange, project: String? = nil, control: String? = nil, alpha: Double = 0.05
    ) -> ExperimentQuery {
        let what = switch grouping {
        case .experiment(let name): name
        case .model: "model"
        case .promptVersion: "prompt version"
        case .dimension(let name): name
        }
        var query = ExperimentQuery(name: service.map { "\(what) in \($0)" } ?? what, range: range, project: project, control: control, alpha: alpha)
        query.grouping = grouping
        query.service = service
        return query
    }

    /// What a comparison's `by` names: `model`, `prompt_version`, or one of the business dimensions.
    public static func grouping(parsing text: String, dimensions: [String]) throws(AnalyticsError) -> ArmGrouping {
        switch text {
        case "model": return .model
        case "prompt_version", "prompt": return .promptVersion
        case let name where dimensions.contains(name): return .dimension(name)
        default:
            let names = (["model", "prompt_version"] + dimensions).joined(separator: ", ")
            throw .badFilter("by", "'\(text)' is not something requests are compared by: use one of \(names)")
        }
    }

    /// Whether the query compares a declared experiment's variants, whose split was intended.
    public var isDeclaredExperiment: Bool {
        if case .experiment = grouping { return true }
        return false
    }

    /// An intended split written as `variant:weight` pairs (`control:9,v2:1`).
    public static func split(parsing text: String) throws(AnalyticsError) -> [String: Double] {
        var split: [String: Double] = [:]
        for part in text.split(separator: ",") {
            let pieces = part.split(separator: ":", maxSplits: 1)
            guard pieces.count == 2, let weight = Double(pieces[1]), weight > 0, weight.isFinite, !pieces[0].isEmpty else {
                throw .badFilter("split", "'\(part)' is not variant:weight (e.g. control:9,v2:1)")
            }
            split[String(pieces[0])] = weight
        }
        return split
    }

    /// Whether `alpha` is a significance level the tests can use: above 0 and below 0.5.
    public static func isValidAlpha(_ alpha: Double) -> Bool { alpha > 0 && alpha < 0.5 }
}
