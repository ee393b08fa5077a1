import Foundation
import Loupe
import LoupeTesting
import Testing

struct ReproCaptureTests {
    struct ProviderError: Error, CustomStringConvertible {
        var description: String { "400 invalid_request: bad input from jane@example.com" }
    }

    private static let secret = "sk-proj-Xk4v9QmT2pL8wR1nB6cY3hJ7dF0sA5gE"

    private func failCall(
        _ harness: Harness, model: String = "gpt-4o-mini", provider: String = "openai", prompt: String = "hi",
        serverAddress: String? = nil
    ) async {
        let request = LLMRequest(
            provider: provider, model: model, temperature: 0.2, maxTokens: 256, topP: 0.9,
            serverAddress: serverAddress)
        _ = try? await harness.telemetry.llmCall(request) { call in
            call.recordSystemInstructions("You are terse.")
            call.recordInput([.user(prompt)])
            throw ProviderError()
        }
    }

    private func files(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    @Test func writesARedactedRequestAndAReplayScript() async throws {
        try await withTemporaryDirectory { directory in
            // Verbatim capture, so the redaction seen here is the reproduction's own.
            let harness = Harness(contentCapture: .redacted(.off))
            let repro = ReproCapture(reportingTo: harness.telemetry, configuration: .init(directory: directory))
            try repro.attach()

            await failCall(harness, prompt: "Mail jane@example.com with key \(Self.secret)")

            let names = try files(in: directory)
            #expect(names.count == 2)
            let stem = try #require(names.first?.dropLast(".json".count))
            #expect(stem.hasPrefix("repro-20231114T221320.000Z-"))
            let json = try String(contentsOf: directory.appendingPathComponent(stem + ".json"), encoding: .utf8)
            let script = try String(contentsOf: directory.appendingPathComponent(stem + ".sh"), encoding: .utf8)
            for text in [json, script] {
                #expect(!text.contains("jane@example.com"))
                #expect(!text.contains(Self.secret))
            }

            let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            #expect(document["model"] as? String == "gpt-4o-mini")
            #expect(document["provider"] as? String == "openai")
            #expect(document["endpoint"] as? String == "https://api.openai.com/v1/chat/completions")
            #expect(document["captured_at"] as? String == "2023-11-14T22:13:20.000Z")
            #expect(document["content_captured"] as? Bool == true)
            #expect(document["truncated"] as? Bool == false)
            let error = try #require(document["error"] as? [String: Any])
            #expect((error["type"] as? String)?.hasSuffix("ProviderError") == true)
            #expect(error["message"] as? String == "400 invalid_request: bad input from [EMAIL]")
            let body = try #require(document["request"] as? [String: Any])
            #expect(body["temperature"] as? Double == 0.2)
            #expect(body["max_tokens"] as? Int == 256)
            #expect(body["top_p"] as? Double == 0.9)
            let messages = try #require(body["messages"] as? [[String: String]])
            #expect(messages.map { $0["role"] } == ["system", "user"])
            #expect(messages[0]["content"] == "You are terse.")
            #expect(messages[1]["content"]?.contains("[EMAIL]") == true)
            #expect(messages[1]["content"]?.contains("[SECRET]") == true)

            #expect(script.hasPrefix("#!/bin/sh\n"))
            #expect(script.contains("${OPENAI_API_KEY:?set OPENAI_API_KEY}"))
            let scriptPath = directory.appendingPathComponent(stem + ".sh").path
            #expect(FileManager.default.isExecutableFile(atPath: scriptPath))

            let captured = try #require(harness.only(.reproCaptured))
            let jsonPath = directory.appendingPathComponent(stem + ".json").path
            #expect(captured.metadata[LoupeAttributes.reproPath] == .string(jsonPath))
            #expect(captured.spanContext == harness.only(EventName.llmCall.exception)?.spanContext)
        }
    }

    @Test func theScriptReplaysTheRequest() async throws {
        try await withTemporaryDirectory { directory in
            let harness = Harness(contentCapture: .redacted())
            let reproductions = directory.appendingPathComponent("repro")
            let repro = ReproCapture(reportingTo: harness.telemetry, configuration: .init(directory: reproductions))
            try repro.attach()
            await failCall(harness, prompt: "What's the capital of France?")

            // A `curl` that prints its arguments and the body it was given, so nothing leaves the machine.
            let bin = directory.appendingPathComponent("bin")
            try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
            try writeExecutable("#!/bin/sh\nprintf '%s\\n' \"$@\" >&2\ncat\n", to: bin.appendingPathComponent("curl"))
            let script = try #require(try files(in: reproductions).first { $0.hasSuffix(".sh") })

            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = [reproductions.appendingPathComponent(script).path]
            process.environment = ["PATH": "\(bin.path):/usr/bin:/bin", "OPENAI_API_KEY": "test-key"]
            let (output, arguments) = (Pipe(), Pipe())
            process.standardOutput = output
            process.standardError = arguments
            try process.run()
            let body = output.fileHandleForReading.readDataToEndOfFile()
            let args = String(decoding: arguments.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()

            #expect(process.terminationStatus == 0)
            #expect(args.contains("https://api.openai.com/v1/chat/completions"))
            #expect(args.contains("Authorization: Bearer test-key"))
            let request = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
            #expect(request["model"] as? String == "gpt-4o-mini")
            let messages = try #require(request["messages"] as? [[String: String]])
            #expect(messages.last?["content"] == "What's the capital of France?")
        }
    }

    @Test func keepsOnlyTheNewestReproductions() async throws {
        try await withTemporaryDirectory { directory in
            let harness = Harness()
            let repro = ReproCapture(
                reportingTo: harness.telemetry,
                configuration: .init(directory: directory, maxReproductions: 3, minimumInterval: .zero))
            try repro.attach()

            for _ in 0..<5 {
                await failCall(harness)
                harness.clock.advance(by: .seconds(1))
            }

            let names = try files(in: directory)
            #expect(names.count == 6)
            #expect(names.filter { $0.hasSuffix(".json") }.map { $0.prefix(27) } == [
                "repro-20231114T221322.000Z-", "repro-20231114T221323.000Z-", "repro-20231114T221324.000Z-",
            ])
            #expect(harness.recorder.events(named: .reproCaptured).count == 5)
        }
    }

    @Test func capsFileSizeByCuttingMessages() async throws {
        try await withTemporaryDirectory { directory in
            let harness = Harness(contentCapture: .redacted(maxCharacters: 100_000))
            let repro = ReproCapture(
                reportingTo: harness.telemetry, configuration: .init(directory: directory, maxFileBytes: 4_096))
            try repro.attach()

            await failCall(harness, prompt: String(repeating: "lorem ipsum ", count: 5_000))

            let names = try files(in: directory)
            #expect(names.count == 2)
            for name in names {
                let path = directory.appendingPathComponent(name).path
                let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
                #expect((size ?? .max) <= 4_096)
            }
            let json = try String(contentsOf: directory.appendingPathComponent(names[0]), encoding: .utf8)
            #expect(json.contains("\"truncated\":true"))
            #expect(json.contains("[truncated by Loupe]"))
        }
    }

    @Test func reportsWhatItCouldNotWrite() async throws {
        try await withTemporaryDirectory { directory in
            let harness = Harness()
            let repro = ReproCapture(
                reportingTo: harness.telemetry, configuration: .init(directory: directory, maxFileBytes: 64))
            try repro.attach()

            await failCall(harness)
            await failCall(harness, model: "gpt-4o")

            #expect(try files(in: directory).isEmpty)
            let failures = harness.recorder.events(named: .reproFailed)
            #expect(failures.count == 2, "the handler stays attached after a failure")
            let type = failures[0].metadata[ErrorAttributes.errorType]?.stringValue
            #expect(type?.hasSuffix("ReproCaptureError") == true)
        }
    }

    @Test func anOutageWritesOneReproductionPerInterval() async throws {
        try await withTemporaryDirectory { directory in
            let harness = Harness()
            let repro = ReproCapture(
                reportingTo: harness.telemetry,
                configuration: .init(directory: directory, minimumInterval: .seconds(60)))
            try repro.attach()

            for _ in 0..<10 { await failCall(harness) }
            await failCall(harness, model: "gpt-4o")
            harness.clock.advance(by: .seconds(60))
            await failCall(harness)

            #expect(try files(in: directory).filter { $0.hasSuffix(".json") }.count == 3)
        }
    }

    @Test func withoutCapturedContentTheRequestSaysWhatToFillIn() async throws {
        try await withTemporaryDirectory { directory in
            let harness = Harness(contentCapture: .off)
            let repro = ReproCapture(reportingTo: harness.telemetry, configuration: .init(directory: directory))
            try repro.attach()

            await failCall(harness, model: "claude-sonnet-4", provider: "anthropic")

            let json = try #require(try files(in: directory).first { $0.hasSuffix(".json") })
            let text = try String(contentsOf: directory.appendingPathComponent(json), encoding: .utf8)
            #expect(text.contains("\"content_captured\":false"))
            #expect(text.contains("content capture was off"))
            #expect(text.contains("https://api.anthropic.com/v1/chat/completions"))
        }
    }

    @Test func aSelfHostedServerIsTheEndpointUnlessItsAddressIsUnsafe() async throws {
        try await withTemporaryDirectory { directory in
            let harness = Harness()
            let repro = ReproCapture(
                reportingTo: harness.telemetry, configuration: .init(directory: directory, minimumInterval: .zero))
            try repro.attach()

            await failCall(harness, model: "llama-3-8b", provider: "vllm", serverAddress: "gpu-box.internal")
            harness.clock.advance(by: .seconds(1))
            await failCall(harness, model: "llama-3-8b", provider: "vllm", serverAddress: "x$(rm -rf ~)")

            let scripts = try files(in: directory).filter { $0.hasSuffix(".sh") }
            let texts = try scripts.map {
                try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8)
            }
            #expect(texts[0].contains("${LOUPE_REPRO_BASE_URL:-https://gpu-box.internal/v1}/chat/completions"))
            #expect(texts[1].contains("${LOUPE_REPRO_BASE_URL:-https://api.openai.com/v1}/chat/completions"))
            #expect(!texts[1].contains("rm -rf"))
        }
    }

    @Test func ignoresCallsThatSucceededAndOtherSpans() async throws {
        try await withTemporaryDirectory { directory in
            let harness = Harness()
            let repro = ReproCapture(reportingTo: harness.telemetry, configuration: .init(directory: directory))
            try repro.attach(to: [.all])

            await harness.telemetry.llmCall(LLMRequest(provider: "openai", model: "gpt-4o")) { _ in }
            _ = try? await harness.telemetry.toolCall("search") { _ in throw ProviderError() }

            #expect(try files(in: directory).isEmpty)
        }
    }
}
