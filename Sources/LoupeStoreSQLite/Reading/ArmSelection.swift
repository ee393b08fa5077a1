import Foundation
import GRDB
import LoupeStore

/// The requests of a comparison (``ArmGrouping``) as SQL over `traces`: where they are read from,
/// the expression naming each one's arm, and the filter with its arguments.
struct ArmSelection {
    var from: String
    var arm: String
    var filter: String
    var arguments: [(any DatabaseValueConvertible)?]

    init(_ grouping: ArmGrouping, fromNanos: Int64, toNanos: Int64, project: String?, service: String?) {
        switch grouping {
        case .experiment(let name):
            (from, arm, filter, arguments) = ("traces INDEXED BY traces_experiments", "variant", "experiment = ?", [name])
        case .model:
            (from, arm, filter, arguments) = ("traces", "model", "model IS NOT NULL", [])
        case .promptVersion:
            (from, arm, filter, arguments) = ("traces", "prompt_version", "prompt_version IS NOT NULL", [])
        case .dimension(let name):
            // The path is inlined, quoted, so the arm's expression needs no argument of its own.
            let path = "'" + StoredJSON.path(ofKey: name).replacingOccurrences(of: "'", with: "''") + "'"
            (from, arm, filter, arguments) = ("traces", "json_extract(dimensions, \(path))", "json_extract(dimensions, \(path)) IS NOT NULL", [])
        }
        filter += " AND start_ns >= ? AND start_ns < ?"
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
}
