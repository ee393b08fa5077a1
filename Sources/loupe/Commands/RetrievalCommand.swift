import ArgumentParser
import Foundation
import LoupeAnalytics
import LoupeStore

/// `loupe retrieval`: is retrieval finding what users ask about, and what is the knowledge base missing?
struct RetrievalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retrieval",
        abstract: "Retrieval relevance, context utilisation, content gaps by query category, and documents used and unused.",
        discussion: """
            Reads the documents retrieval and reranking spans report: OTel GenAI gen_ai.retrieval.documents,
            OpenInference retrieval.documents.N.document.{id,score} and reranker.output_documents, OpenLLMetry
            db.query.result events. A request is a content gap when its retrieval found nothing, found nothing
            scoring at least --min-score, or its answer got negative feedback. Context utilisation is the share
            of retrieved documents that reranking kept for the prompt.

            Unused documents are those retrieved in the equally long period before the range and not in it;
            with --inventory (a file of the knowledge base's document ids, one per line) also those never
            retrieved in the range.

            Examples:
              loupe retrieval --since 7d
              loupe retrieval --inventory kb-ids.txt --min-score 0.6
            """
    )

    @OptionGroup var store: StoreRangeOptions

    @Option(help: "A request whose best document scores below this found nothing relevant (cosine similarity and most rerankers: 0…1).")
    var minScore = 0.5

    @Option(help: "The dimension content gaps are grouped by.")
    var gapsBy = "query_category"

    @Option(help: ArgumentHelp("A file of the knowledge base's document ids, one per line.", valueName: "file"))
    var inventory: String?

    func run() async throws {
        var ids: [String] = []
        if let inventory {
            ids = try TextFile.read(inventory).split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let report = try await TelemetryAnalytics(store: try await store.open()).retrieval(
            try store.range(), project: store.project, minScore: minScore, gapDimension: gapsBy, inventory: ids
        )
        print(Self.render(report, since: store.since, inventoryGiven: inventory != nil))
    }

    static func render(_ r: RetrievalReport, since: String, inventoryGiven: Bool) -> String {
        guard r.overall.requests > 0 else { return "No request of the last \(since) reports what its retrieval returned." }
        func score(_ value: Double?) -> String { value.map { String(format: "%.3f", $0) } ?? "-" }
        func percent(_ share: Double?) -> String { share.map { String(format: "%.1f%%", $0 * 100) } ?? "-" }
        var relevance = [["service", "requests", "top score", "mean score", "low", "context used"]]
        for g in [r.overall] + r.byService {
            relevance.append([
                g.group.isEmpty ? "all" : g.group, String(g.requests), score(g.meanTopScore), score(g.meanScore), percent(g.lowShare),
                percent(g.contextUtilisation),
            ])
        }
        var gaps = [[r.gapDimension, "requests", "gaps", "share", "empty", "low", "disliked", "top score", "example trace"]]
        for g in r.gaps {
            gaps.append([
                g.group.isEmpty ? "(none)" : g.group, String(g.requests), String(g.gaps), percent(g.gapShare), String(g.empty),
                String(g.lowRelevance), String(g.negativeFeedback), score(g.meanTopScore), g.exampleTraces.first ?? "-",
            ])
        }
        var used = [["most retrieved", "retrievals", "mean score"]]
        for d in r.mostUsed.prefix(10) { used.append([d.id, String(d.retrievals), score(d.meanScore)]) }
        var lines = [
            "Retrieval, last \(since) (low relevance: best document below \(r.minScore))", "", TextTable.render(relevance), "",
            "Content gaps by \(r.gapDimension) (retrieval found nothing, nothing relevant, or the answer was disliked)", "",
            TextTable.render(gaps), "", "\(r.distinctDocuments) distinct documents retrieved.", "", TextTable.render(used),
        ]
        if !r.unused.isEmpty {
            lines += ["", "Retrieved before the range but not in it: " + r.unused.prefix(10).map(\.id).joined(separator: ", ")]
        }
        if inventoryGiven {
            lines += ["", "\(r.neverRetrieved.count) inventory documents never retrieved" + (r.neverRetrieved.isEmpty ? "." : ": " + r.neverRetrieved.prefix(20).joined(separator: ", "))]
        }
        if r.truncated { lines += ["", "Only the newest \(r.overall.requests) requests with retrieval were read."] }
        return lines.joined(separator: "\n")
    }
}
