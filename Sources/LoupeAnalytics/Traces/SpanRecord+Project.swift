import LoupeCore

extension SpanRecord {
    /// Whether one project's view shows this span (every view, for nil): a trace's spans may come
    /// from several projects, and each sees only its own.
    func isShown(to project: String?) -> Bool {
        project.map { self.project == $0 } ?? true
    }
}
