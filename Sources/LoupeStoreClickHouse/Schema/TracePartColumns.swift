/// The columns of `trace_parts`: each one a partial aggregate of a trace's spans, which the view
/// folds every span insert into and reads merge, by the rules of ``TraceSummaryAggregator``: sums
/// for the counts, the root span's name and service, and for the "first span to name it" fields the
/// span that arrived first (`arrival`). Columns are named `s_…`, apart from both the span columns
/// their states read and the `t_…` values read from them: in ClickHouse an alias hides a column of
/// the same name in every other expression of the query.
enum TracePartColumns {
    struct Column {
        let name: String
        let type: String
        /// The partial aggregate of a run of spans.
        let state: String
        /// The whole trace's value, read from the merged parts.
        let merged: String
    }

    private static func firstNaming(_ name: String, _ value: String, when condition: String) -> Column {
        Column(
            name: "s_\(name)", type: "AggregateFunction(argMinIf, String, Int64, UInt8)", state: "argMinIfState(\(value), arrival, \(condition))",
            merged: "argMinIfMerge(s_\(name)) AS t_\(name)"
        )
    }

    static let all: [Column] = [
        Column(name: "s_project", type: "AggregateFunction(argMin, String, Int64)", state: "argMinState(project, arrival)", merged: "argMinMerge(s_project) AS t_project"),
        Column(name: "s_roots", type: "AggregateFunction(sum, UInt8)", state: "sumState(is_root)", merged: "sumMerge(s_roots) > 0 AS t_has_root"),
        Column(
            name: "s_root_service", type: "AggregateFunction(argMaxIf, String, Int64, UInt8)", state: "argMaxIfState(service, arrival, is_root)",
            merged: "if(t_has_root, argMaxIfMerge(s_root_service), argMinMerge(s_first_service)) AS t_service"
        ),
        Column(name: "s_first_service", type: "AggregateFunction(argMin, String, Int64)", state: "argMinState(service, arrival)", merged: ""),
        Column(
            name: "s_root", type: "AggregateFunction(argMaxIf, String, Int64, UInt8)", state: "argMaxIfState(name, arrival, is_root)",
            merged: "argMaxIfMerge(s_root) AS t_root"
        ),
        Column(name: "s_start", type: "AggregateFunction(min, Int64)", state: "minState(start_ns)", merged: "minMerge(s_start) AS t_start"),
        Column(name: "s_end", type: "AggregateFunction(max, Int64)", state: "maxState(end_ns)", merged: "maxMerge(s_end) AS t_end"),
        Column(name: "s_spans", type: "AggregateFunction(count)", state: "countState()", merged: "toInt64(countMerge(s_spans)) AS t_spans"),
        Column(name: "s_errors", type: "AggregateFunction(sum, UInt8)", state: "sumState(is_error)", merged: "toInt64(sumMerge(s_errors)) AS t_errors"),
        Column(name: "s_failed", type: "AggregateFunction(sum, UInt8)", state: "sumState(failed_call)", merged: "toInt64(sumMerge(s_failed)) AS t_failed"),
        Column(name: "s_input", type: "AggregateFunction(sum, Int64)", state: "sumState(counted_input)", merged: "sumMerge(s_input) AS t_input"),
        Column(name: "s_output", type: "AggregateFunction(sum, Int64)", state: "sumState(counted_output)", merged: "sumMerge(s_output) AS t_output"),
        Column(name: "s_cost", type: "AggregateFunction(sum, Float64)", state: "sumState(counted_cost)", merged: "sumMerge(s_cost) AS t_cost"),
        firstNaming("user", "user_key", when: "user_key != ''"),
        firstNaming("session", "ifNull(session_id, '')", when: "isNotNull(session_id)"),
        firstNaming("experiment", "experiment", when: "experiment != ''"),
        firstNaming("variant", "variant", when: "experiment != ''"),
        firstNaming("model", "trace_model", when: "trace_model != ''"),
        firstNaming("prompt_version", "prompt_version", when: "prompt_version != ''"),
        Column(
            name: "s_dimensions", type: "AggregateFunction(groupArray, Tuple(Int64, String))", state: "groupArrayState((arrival, dimensions))",
            // In arrival order, each distinct text once: spans of a trace mostly carry the same labels.
            merged: "arrayDistinct(arrayFilter(d -> d != '{}', arrayMap(x -> tupleElement(x, 2), arraySort(groupArrayMerge(s_dimensions))))) AS t_dimensions"
        ),
        // What the trace list's span filters ask: the models its spans requested or answered with.
        Column(name: "s_models", type: "AggregateFunction(groupUniqArray, String)", state: "groupUniqArrayState(model_key)", merged: "groupUniqArrayMerge(s_models) AS t_models"),
        Column(
            name: "s_response_models", type: "AggregateFunction(groupUniqArray, String)", state: "groupUniqArrayState(ifNull(response_model, ''))",
            merged: "groupUniqArrayMerge(s_response_models) AS t_response_models"
        ),
    ]

    static var columns: String {
        "(trace_id String, " + all.map { "\($0.name) \($0.type)" }.joined(separator: ", ") + ")"
    }

    /// The partial aggregates of the spans `source` gives (a table, or a subquery in parentheses).
    static func select(from source: String) -> String {
        "SELECT trace_id, " + all.map { "\($0.state) AS \($0.name)" }.joined(separator: ", ") + " FROM \(source) GROUP BY trace_id"
    }

    static var columnList: String { "trace_id, " + all.map(\.name).joined(separator: ", ") }

    /// The merged values named (`t_user`, `t_start`…), and those they are computed from.
    static func merged(_ values: [String]) -> String {
        var needed = Set(values)
        if needed.contains("t_service") { needed.insert("t_has_root") }
        return all.map(\.merged).filter { merged in needed.contains { merged.hasSuffix(" AS " + $0) } }.joined(separator: ", ")
    }

    /// The merged values that `conditions` mention (a name that is the start of another counts both).
    static func named(in conditions: [String]) -> [String] {
        all.compactMap { $0.merged.split(separator: " AS ").last.map(String.init) }.filter { name in conditions.contains { $0.contains(name) } }
    }

    /// The merged values; the models only when `models` (a filter on them), as nothing else reads them.
    static func merged(models: Bool) -> String {
        all.filter { models || !["s_models", "s_response_models"].contains($0.name) }.map(\.merged).filter { !$0.isEmpty }
            .joined(separator: ",\n    ")
    }
}
