import Foundation
import LoupeCore
import LoupeServer
import Testing

@Suite("Keyed prompt hashes at ingest")
struct PromptHashTests {
    static let secret = Data(repeating: 7, count: 32)

    static func call(_ prompt: String, project: String = "acme") -> SpanRecord {
        SpanRecord(
            traceId: "t", spanId: "s", project: project, name: "chat", operation: .llm, startNanos: 0, endNanos: 1,
            attributes: ["gen_ai.input.messages": .string(#"[{"role":"user","parts":[{"type":"text","content":"\#(prompt)"}]}]"#)]
        )
    }

    static func hashed(_ span: SpanRecord, _ enrichers: [any SpanEnricher]) -> SpanRecord {
        var span = span
        for enricher in enrichers { enricher.enrich(&span) }
        return span
    }

    @Test func theSamePromptHashesTheSameInAProjectAndDifferentlyAcrossProjects() {
        let enricher = PromptHashEnricher(secret: Self.secret)
        let a = Self.hashed(Self.call("What is the refund policy?"), [enricher]).attributes
        let b = Self.hashed(Self.call("What is the refund policy?"), [enricher]).attributes
        let other = Self.hashed(Self.call("What is the refund policy?", project: "beta"), [enricher]).attributes
        let rekeyed = Self.hashed(Self.call("What is the refund policy?"), [PromptHashEnricher(secret: Data(repeating: 8, count: 32))]).attributes
        #expect(a["loupe.prompt.hash"] != nil && a["loupe.prompt.hash"] == b["loupe.prompt.hash"])
        #expect(a["loupe.prompt.hash"] != other["loupe.prompt.hash"] && a["loupe.prompt.hash"] != rekeyed["loupe.prompt.hash"])
        #expect(a["loupe.prompt.hash"]?.stringValue?.count == 32)
        // Short prompts have no prefix worth caching.
        #expect(a["loupe.prompt.prefix_hash"] == nil)
    }

    @Test func longPromptsSharingTheirOpeningShareAPrefixHashOnly() {
        let enricher = PromptHashEnricher(secret: Self.secret)
        let instructions = String(repeating: "Answer from the contract only. ", count: 200)
        let a = Self.hashed(Self.call(instructions + "Summarise clause 4"), [enricher]).attributes
        let b = Self.hashed(Self.call(instructions + "Summarise clause 9"), [enricher]).attributes
        #expect(a["loupe.prompt.prefix_hash"] != nil && a["loupe.prompt.prefix_hash"] == b["loupe.prompt.prefix_hash"])
        #expect(a["loupe.prompt.hash"] != b["loupe.prompt.hash"])
    }

    @Test func theHashIsOfTheTextAsSentNotAsRedacted() throws {
        // Two card numbers redact to the same text; the prompts were different, so are the hashes.
        let enrichers = LoupeApplication.enrichers(catalog: try PriceCatalog.builtIn(), promptHash: PromptHashEnricher(secret: Self.secret))
        let a = Self.hashed(Self.call("Refund card 4111 1111 1111 1111"), enrichers)
        let b = Self.hashed(Self.call("Refund card 5500 0000 0000 0004"), enrichers)
        #expect(a.attributes["gen_ai.input.messages"] == b.attributes["gen_ai.input.messages"])
        #expect(a.attributes["loupe.prompt.hash"] != b.attributes["loupe.prompt.hash"])
    }

    @Test func theSecretIsCreatedOnceOwnerOnlyAndAWrongFileIsRefused() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-prompt-key-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = PromptHashSecret.path(forDatabase: directory.appendingPathComponent("loupe.db").path)
        let first = try PromptHashSecret.load(path: path)
        let again = try PromptHashSecret.load(path: path)
        #expect(first.count == 32 && again == first)
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        try Data("short".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: PromptHashSecret.Failure.self) { try PromptHashSecret.load(path: path) }
    }
}
