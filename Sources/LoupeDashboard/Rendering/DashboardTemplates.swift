import Mustache

/// The Mustache templates, compiled once from the sources in `Templates/`. They live in the binary,
/// not in resource files, so that `loupe` alone serves the whole dashboard.
struct DashboardTemplates: Sendable {
    let library: MustacheLibrary

    init() {
        var library = MustacheLibrary()
        let sources: [(String, String)] = [
            ("layout", LayoutTemplate.source), ("overview", OverviewTemplate.source), ("traces", TraceListTemplate.source),
            ("trace", TraceTemplate.source), ("errors", ErrorsTemplate.source), ("time", TimeTemplate.source),
            ("cost", CostTemplate.source), ("models", ModelsTemplate.source),
            ("heatmap", HeatmapTemplate.source), ("users", UsersTemplate.source), ("business", BusinessTemplate.source), ("alerts", AlertsTemplate.source), ("anomalies", AnomaliesTemplate.source), ("recommendations", RecommendationsTemplate.source), ("experiments", ExperimentsTemplate.source), ("message", MessageTemplate.source), ("login", LoginTemplate.source),
        ]
        for (name, source) in sources {
            // The sources are part of the program: one that does not compile is a programming error.
            do { try library.register(source, named: name) } catch { preconditionFailure("template \(name): \(error)") }
        }
        self.library = library
    }

    func render(_ view: Any, _ name: String) -> String {
        library.render(view, withTemplate: name) ?? ""
    }
}
