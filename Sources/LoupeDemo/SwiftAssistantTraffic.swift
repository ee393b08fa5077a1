import Foundation
import Loupe

/// A Swift service instrumented with Loupe's own SDK, the way a user would: retrieval, a streamed
/// chat completion and a tool call per request, recorded with the GenAI helpers and exported by
/// whatever handler the caller attached (in `loupe demo`, the OTLP exporter). Its timings are real:
/// the simulated provider waits, so the SDK measures durations and time to first token itself.
public struct SwiftAssistantTraffic: Sendable {
    public var requestsPerSecond: Double
    public var failureRate: Double
    public var seed: UInt64

    public init(requestsPerSecond: Double = 2, failureRate: Double = 0.05, seed: UInt64 = 7) {
        self.requestsPerSecond = requestsPerSecond
        self.failureRate = failureRate
        self.seed = seed
    }

    /// A simulated provider failure, thrown inside the LLM call so the SDK records the exception.
    struct ProviderError: Error, CustomStringConvertible {
        var description: String
    }

    /// Starts requests at the configured rate until cancelled; each runs concurrently, as in a server.
    public func run(telemetry: Telemetry) async {
        var random = DemoRandom(seed: seed)
        await withTaskGroup(of: Void.self) { group in
            while !Task.isCancelled {
                let user = String(format: "user-%03d", Int.random(in: 1...200, using: &random))
                let fails = random.chance(failureRate)
                let question = random.pick(DemoTraceFactory.prompts)
                let chunks = Int.random(in: 20...120, using: &random)
                group.addTask { try? await answer(question, user: user, chunks: chunks, fails: fails, telemetry: telemetry) }
                try? await Task.sleep(for: .seconds(1 / requestsPerSecond))
            }
            group.cancelAll()
        }
    }

    private func answer(_ question: String, user: String, chunks: Int, fails: Bool, telemetry: Telemetry) async throws {
        try await telemetry.stage("assistant.answer", kind: .stage, attributes: ["user.id": .string(user), "business_unit": "support"]) { _ in
            let documents = try await telemetry.retrieval(dataSource: "help-center", provider: "pgvector", topK: 4, query: question) { call in
                try await Task.sleep(for: .milliseconds(25))
                // Help-centre articles, the popular few far more often than the rest.
                let found = (0..<4).map { rank in
                    RetrievedDocument(id: "help-\(100 + Int.random(in: 0..<6) * (rank + 1))", score: 0.88 - Double(rank) * 0.06 - Double.random(in: 0..<0.1))
                }
                call.recordDocuments(found)
                return found
            }
            try await telemetry.llmCall(LLMRequest(provider: "openai", model: "gpt-4o-mini", isStreaming: true, temperature: 0.2)) { call in
                call.recordInput([.system("Answer from \(documents.count) help articles."), .user(question)])
                try await Task.sleep(for: .milliseconds(180))
                if fails {
                    throw ProviderError(description: "Rate limit reached for gpt-4o-mini in organization org-4fK2Jd9sLm3Qx8Vb1Ty7Rn0P on tokens per min (TPM): Limit 200000, Used 199800, Requested 900.")
                }
                for _ in 0..<chunks {
                    call.recordChunk()
                    try await Task.sleep(for: .milliseconds(4))
                }
                call.recordResponse(model: "gpt-4o-mini-2024-07-18", finishReasons: ["stop"])
                call.recordUsage(TokenUsage(input: 900, output: Int64(chunks)))
            }
            try await telemetry.toolCall("create_ticket", callID: "call-\(user)") { _ in
                try await Task.sleep(for: .milliseconds(40))
            }
        }
    }
}
