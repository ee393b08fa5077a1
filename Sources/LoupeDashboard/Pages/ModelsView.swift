/// What the models template shows: one row per model, the best value in each column marked.
struct ModelsView: Sendable {
    struct Cell: Sendable {
        var text: String
        var raw: String
        var best: Bool
    }

    struct Row: Sendable {
        var model: String
        var href: String
        var cells: [Cell]
    }

    struct Column: Sendable {
        var label: String
        var hint: String
    }

    /// Models of one operation kind: chat models are compared with chat models, embedders with embedders.
    struct Section: Sendable {
        var operation: String
        var rows: [Row]
    }

    /// One provider limit against its model's use.
    struct CapacityRow: Sendable {
        var model: String
        var limit: String
        var recent: String
        /// Nil while too little history to forecast.
        var expected: String?
        var firstBreach: String
        var stateClass: String
        var sentence: String
    }

    var hasData: Bool
    var columns: [Column]
    var sections: [Section]
    var capacity: [CapacityRow]
    var hasCapacity: Bool
}
