import Foundation
import GRDB
import LoupeStore

/// The requests of a comparison (``ArmGrouping``) as SQL over `traces`: where they are read from,
/// the expression naming each one's arm, and the filter with its arguments. With `unlabelled`,
/// requests without a model, prompt version or dimension value count too, in the arm named "".
struct ArmSelection {
    var from: String
    var arm: String
    var filter: String
    var arguments: [(any DatabaseValueConvertible)?]
    /// An order that gives each arm's requests newest first and that the index read follows, so no
    /// sort is needed: an experiment's index holds each variant's requests in start order.
    var newestFirst: String
    /// The one project compared, whose own scores alone say an answer was bad.
    var project: String?

    init(_ grouping: ArmGrouping, fromNanos: Int64, toNanos: Int64, project: String?, service: String?, unlabelled: Bool = false) {
        (from, arm, filter, arguments) = Self.base(grouping, unlabelled: unlabelled)
        self.project = project
        if case .experiment = grouping { newestFirst = "variant DESC, start_ns DESC" } else { newestFirst = "start_ns DESC" }
        filter += "start_ns >= ? AND start_ns < ?"
        arguments += [fromNanos, toNanos]
        if let project {
            filter += " AND project = ?"
            arguments.append(project)
        }
        if let service {
            filter += " AND service = ?"
            arguments.append(service)
        }
    }

    /// The selection's requests with negative feedback (few, so read from the scores' side): each
    /// arm's (and `step`'s, when given) count, those that also failed, and their cost.
    func negatives(step: String? = nil, in db: Database) throws -> String {
        """
        SELECT \(arm), \(step.map { "\($0), " } ?? "")COUNT(*), SUM(error_count > 0), TOTAL(cost_usd) FROM traces
        WHERE trace_id IN (\(try NegativeFeedback.traceIds(in: db, project: project))) AND \(filter) GROUP BY 1\(step == nil ? "" : ", 2")
        """
    }

    /// Where the requests are read from, their arm, and the filter's start (ending in `AND`).
    private static func base(_ grouping: ArmGrouping, unlabelled: Bool) -> (String, String, String, [(any DatabaseValueConvertible)?]) {
        let label: String
        switch grouping {
        case .experiment(let name):
            // A declared experiment's requests are only its own.
            return ("traces INDEXED BY traces_experiments", "variant", "experiment = ? AND ", [name])
        case .model:
            if !unlabelled { return ("traces INDEXED BY traces_models", "model", "model IS NOT NULL AND ", []) }
            label = "model"
        case .promptVersion:
            if !unlabelled { return ("traces INDEXED BY traces_prompt_versions", "prompt_version", "prompt_version IS NOT NULL AND ", []) }
            label = "prompt_version"
        case .dimension(let name):
            // The path is inlined, quoted, so the arm's expression needs no argument of its own.
            label = "json_extract(dimensions, '" + StoredJSON.path(ofKey: name).replacingOccurrences(of: "'", with: "''") + "')"
        }
        return unlabelled ? ("traces", "COALESCE(\(label), '')", "", []) : ("traces", label, "\(label) IS NOT NULL AND ", [])
    }
}
