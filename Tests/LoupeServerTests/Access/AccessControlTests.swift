import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InMemoryLogging
import LoupeAlerts
import LoupeAnalytics
import Logging
import LoupeCore
import LoupeOTLP
import LoupeServer
import LoupeStore
import NIOCore
import Synchronization
import Testing

/// Who may call what: every route of the real router, walked, so a new route cannot forget auth.
struct AccessControlTests {
    static func parts(_ store: any TelemetryStore, logger: Logger = Logger(label: "test")) -> LoupeApplication.Parts {
        var configuration = ServerConfiguration(port: 0)
        configuration.serverSecret = Data(repeating: 7, count: 32)
        return LoupeApplication.parts(configuration: configuration, store: store, logger: logger, now: { LiveServer.now })
    }

    /// A route's path with every parameter filled in.
    static func concrete(_ path: some CustomStringConvertible) -> String {
        let parts = "\(path)".split(separator: "/").map { $0.hasPrefix(":") || $0.hasPrefix("{") || $0.hasPrefix("*") ? "x" : String($0) }
        return "/" + parts.joined(separator: "/")
    }

    static func with(_ key: String) -> HTTPFields { [.authorization: "Bearer \(key)"] }

    @Test func everyRouteButTheOpenOnesNeedsAKeyOfTheRightScope() async throws {
        let parts = Self.parts(InMemoryTelemetryStore())
        let ingest = try await parts.keys.create(name: "checkout", scope: .ingest, project: "shop", actor: "test").text
        let read = try await parts.keys.create(name: "ana", scope: .read, project: nil, actor: "test").text
        // Every route the router holds, as (method, path with its parameters filled in).
        let routes = parts.router.routes.map { ($0.method, Self.concrete($0.path)) }
        #expect(routes.count >= 50)
        #expect(routes.contains { $0.1.contains("keys") } && routes.contains { $0.1.contains("audit") })
        let policy = AccessPolicy()
        let open = Mutex<[String]>([])
        try await Application(router: parts.router).test(.router) { client in
            for (method, path) in routes {
                let route = "\(method) \(path)"
                let anonymous = try await client.execute(uri: path, method: method)
                guard case .scope(let needed) = policy.requirement(method, path: path) else {
                    // Posting no key to the login page is its own answer: the page again, saying so.
                    #expect(anonymous.status != .unauthorized || route == "POST /ui/login", "\(route)")
                    open.withLock { $0.append(route) }
                    continue
                }
                let page = method == .get && path.hasPrefix("/ui")
                #expect(anonymous.status == (page ? .seeOther : .unauthorized), "\(route) without a key")
                let narrower = needed == .read ? ingest : read
                let refused = try await client.execute(uri: path, method: method, headers: Self.with(narrower))
                #expect(refused.status == .forbidden, "\(route) with a key of another scope")
            }
        }
        #expect(open.withLock { $0 }.sorted() == [
            "GET /", "GET /health", "GET /metrics", "GET /ui/assets/x", "GET /ui/login", "POST /ui/login", "POST /ui/logout",
        ])
    }

    /// The OTel fixture trace, its resource claiming another project.
    static func spans(claiming project: String) -> [RawSpan] {
        ConventionFixtures.all.filter { $0.traceId == ConventionFixtures.otelTrace }.map { span in
            var span = span
            span.resourceAttributes["loupe.project"] = .string(project)
            return span
        }
    }

    static func withKeys(
        metricsNeedKey: Bool = false, configure: @escaping @Sendable (inout ServerConfiguration) -> Void = { _ in },
        _ test: @escaping @Sendable (any TestClientProtocol, any TelemetryStore, AccessKeys) async throws -> Void
    ) async throws {
        try await LiveServer.run({ configuration in
            configuration.requireKeys = true
            configuration.metricsNeedKey = metricsNeedKey
            configure(&configuration)
        }) { client, store in
            try await test(client, store, AccessKeys(store: store, now: { LiveServer.now }))
        }
    }

    @Test func aRevokedKeyIsRefusedAndFailuresAreLimitedPerAddress() async throws {
        try await Self.withKeys { client, _, keys in
            let created = try await keys.create(name: "checkout", scope: .ingest, project: "shop", actor: "test")
            var headers = Self.with(created.text)
            headers[.contentType] = "application/x-protobuf"
            let body = try LiveServer.protobuf(Self.spans(claiming: "shop"))
            #expect(try await client.execute(uri: "/v1/traces", method: .post, headers: headers, body: body).status == .ok)
            #expect(try await keys.revoke(id: created.key.id, actor: "test"))
            let refused = try await client.execute(uri: "/v1/traces", method: .post, headers: headers, body: body)
            #expect(refused.status == .unauthorized)
            #expect(String(buffer: refused.body).contains("not valid or was revoked"))
            // Twenty failures in a minute from one address, then the rest of the minute is refused outright.
            for _ in 0..<19 { _ = try await client.execute(uri: "/api/v1/summary", method: .get, headers: Self.with("lpk_0000000000_nope")) }
            let limited = try await client.execute(uri: "/api/v1/summary", method: .get, headers: Self.with(created.text))
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers[.retryAfter] == "60")
        }
    }

    @Test func theKeyDecidesTheProjectWhateverTheRequestSays() async throws {
        try await Self.withKeys { client, store, keys in
            let key = try await keys.create(name: "checkout", scope: .ingest, project: "shop", actor: "test").text
            var headers = Self.with(key)
            headers[.contentType] = "application/x-protobuf"
            headers[HTTPField.Name("x-loupe-project")!] = "someone-else"
            let body = try LiveServer.protobuf(Self.spans(claiming: "someone-else"))
            #expect(try await client.execute(uri: "/v1/traces", method: .post, headers: headers, body: body).status == .ok)
            let score = #"{"trace_id": "\#(ConventionFixtures.otelTrace)", "name": "user_satisfaction", "value": true, "project": "someone-else"}"#
            headers[.contentType] = "application/json"
            let posted = try await client.execute(uri: "/api/v1/scores", method: .post, headers: headers, body: ByteBuffer(string: score))
            #expect(posted.status == .ok)
            let spans = try await store.spans(traceId: ConventionFixtures.otelTrace)
            #expect(!spans.isEmpty && spans.allSatisfy { $0.project == "shop" })
            let scores = try await store.scores(ScoreQuery(fromNanos: 0, toNanos: .max))
            #expect(scores.map(\.project) == ["shop"])
        }
    }

    @Test func keysAppearInNoLogLineAndNoAnswer() async throws {
        let log = InMemoryLogHandler()
        let parts = Self.parts(InMemoryTelemetryStore(), logger: Logger(label: "loupe", factory: { _ in log }))
        let created = try await parts.keys.create(name: "ana", scope: .read, project: nil, actor: "test")
        let forged = String(created.text.dropLast()) + (created.text.hasSuffix("A") ? "B" : "A")
        let answers = Mutex("")
        try await Application(router: parts.router).test(.router) { client in
            for key in [created.text, forged] {
                for uri in ["/api/v1/summary", "/api/v1/keys", "/api/v1/nothing-here", "/ui/"] {
                    let response = try await client.execute(uri: uri, method: .get, headers: Self.with(key))
                    let text = String(buffer: response.body) + response.headers.map { "\($0.name): \($0.value)" }.joined(separator: "\n")
                    answers.withLock { $0 += text }
                }
            }
        }
        let logged = log.entries.map { "\($0.message) \($0.metadata)" }.joined(separator: "\n")
        #expect(!logged.isEmpty)
        for secret in [created.text, forged, String(created.text.dropFirst(15))] {
            #expect(!logged.contains(secret))
            #expect(!answers.withLock { $0 }.contains(secret))
        }
    }
}

/// A read key of one project reads nothing of another, on any route.
struct ProjectScopedReadTests {
    /// The convention fixtures again as another project's traffic: other trace ids, a service and
    /// users whose names appear nowhere in the first project.
    static func beta() -> [RawSpan] {
        ConventionFixtures.all.map { span in
            var span = span
            span.traceId = "b" + span.traceId.dropFirst()
            span.resourceAttributes["service.name"] = .string("betaonly-service")
            if span.attributes["user.id"] != nil { span.attributes["user.id"] = .string("betaonly-user") }
            return span
        }
    }

    /// With `--metrics-auth`: otherwise `/metrics` is open to anyone, by design, every project's
    /// aggregates included (the README says so). A budget of each project, so the cost page has
    /// another project's budget to leave out.
    @Test func aKeyOfOneProjectReadsNothingOfAnother() async throws {
        try await AccessControlTests.withKeys(metricsNeedKey: true, configure: { configuration in
            configuration.budgets = BudgetSet(budgets: [
                Budget(name: "acme-budget", amountUSD: 100, period: .monthly, filters: ["project": "acme"]),
                Budget(name: "betaonly-budget", amountUSD: 100, period: .monthly, filters: ["project": "beta"]),
            ])
        }) { client, _, keys in
            for (project, spans) in [("acme", ConventionFixtures.all), ("beta", Self.beta())] {
                var headers = AccessControlTests.with(try await keys.create(name: project, scope: .ingest, project: project, actor: "test").text)
                headers[.contentType] = "application/x-protobuf"
                #expect(try await client.execute(uri: "/v1/traces", method: .post, headers: headers, body: try LiveServer.protobuf(spans)).status == .ok)
                headers[.contentType] = "application/json"
                let score = #"{"trace_id": "\#(spans[0].traceId)", "name": "\#(project)only-score", "value": true, "comment": "\#(project)only-comment"}"#
                #expect(try await client.execute(uri: "/api/v1/scores", method: .post, headers: headers, body: ByteBuffer(string: score)).status == .ok)
            }
            let acme = AccessControlTests.with(try await keys.create(name: "acme reader", scope: .read, project: "acme", actor: "test").text)
            let range = "from=\(LiveServer.now / 1_000_000_000 - 7_200)&to=\(LiveServer.now / 1_000_000_000 + 60)"

            // What it may read, it reads for its own project.
            let summary = try await client.execute(uri: "/api/v1/summary?group_by=service&\(range)", method: .get, headers: acme)
            #expect(summary.status == .ok && String(buffer: summary.body).contains(#""rag""#))
            let asked = try await client.execute(uri: "/api/v1/summary?project=beta&\(range)", method: .get, headers: acme)
            #expect(asked.status == .forbidden)

            // Every route the server has, with and without a range: either refused, or nothing of beta.
            let routes = try await Self.routes()
            var readable = 0
            for (method, path) in routes where method == .get {
                for uri in [path, path + "?" + range, path + "?group_by=service&" + range] {
                    let response = try await client.execute(uri: uri, method: .get, headers: acme)
                    let body = String(buffer: response.body)
                    #expect(!body.contains("betaonly"), "\(uri) showed another project's data")
                    if response.status == .ok { readable += 1 }
                }
            }
            #expect(readable >= 60)

            // The dashboard is acme's: its budget shown, beta's trace pages not found, and the alerts
            // page (alerts and rules cover every project) refused as a page, and out of the menu.
            let cost = try await client.execute(uri: "/ui/cost", method: .get, headers: acme)
            #expect(cost.status == .ok && String(buffer: cost.body).contains("acme-budget"))
            #expect(!String(buffer: cost.body).contains(#"href="/ui/alerts"#))
            for span in Self.beta().prefix(3) {
                for uri in ["/ui/traces/\(span.traceId)", "/api/v1/traces/\(span.traceId)"] {
                    let response = try await client.execute(uri: uri, method: .get, headers: acme)
                    #expect(response.status == .notFound, "\(uri)")
                }
            }
            let own = try await client.execute(uri: "/ui/traces/\(ConventionFixtures.all[0].traceId)", method: .get, headers: acme)
            #expect(own.status == .ok)
            let alerts = try await client.execute(uri: "/ui/alerts", method: .get, headers: acme)
            #expect(alerts.status == .forbidden && alerts.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(String(buffer: alerts.body).contains("reads project"))
        }
    }

    /// A trace id both projects' services sent spans under (a call across two projects): each
    /// project's key sees its own spans of it, and only those.
    @Test func aTraceSharedByTwoProjectsShowsEachOnlyItsOwnSpans() async throws {
        try await AccessControlTests.withKeys { client, _, keys in
            let acmeSpans = ConventionFixtures.all.filter { $0.traceId == ConventionFixtures.otelTrace }
            var visitor = acmeSpans[1]
            visitor.spanId = "b000000000000001"
            visitor.name = "betaonly-span"
            visitor.resourceAttributes["service.name"] = .string("betaonly-service")
            for (project, spans) in [("acme", acmeSpans), ("beta", [visitor])] {
                var headers = AccessControlTests.with(try await keys.create(name: project, scope: .ingest, project: project, actor: "test").text)
                headers[.contentType] = "application/x-protobuf"
                #expect(try await client.execute(uri: "/v1/traces", method: .post, headers: headers, body: try LiveServer.protobuf(spans)).status == .ok)
            }
            let trace = ConventionFixtures.otelTrace
            for (project, own, other) in [("acme", "chat gpt-4o", "betaonly-span"), ("beta", "betaonly-span", "chat gpt-4o")] {
                let reader = AccessControlTests.with(try await keys.create(name: "\(project) reader", scope: .read, project: project, actor: "test").text)
                for uri in ["/api/v1/traces/\(trace)", "/ui/traces/\(trace)"] {
                    let response = try await client.execute(uri: uri, method: .get, headers: reader)
                    let body = String(buffer: response.body)
                    #expect(response.status == .ok && body.contains(own) && !body.contains(other), "\(project) \(uri)")
                }
            }
        }
    }

    /// The live application's routes, from a router built the same way.
    static func routes() async throws -> [(HTTPRequest.Method, String)] {
        AccessControlTests.parts(InMemoryTelemetryStore()).router.routes.map { ($0.method, AccessControlTests.concrete($0.path)) }
    }
}

/// Spellings of a path the router accepts get the rules of the route they reach.
struct AccessPathSpellingTests {
    @Test func doubledAndTrailingSlashesDoNotLowerWhatARouteNeeds() async throws {
        let parts = AccessControlTests.parts(InMemoryTelemetryStore())
        let read = AccessControlTests.with(try await parts.keys.create(name: "ana", scope: .read, project: nil, actor: "test").text)
        let oneProject = AccessControlTests.with(try await parts.keys.create(name: "bo", scope: .read, project: "acme", actor: "test").text)
        try await Application(router: parts.router).test(.router) { client in
            for (method, path) in [
                (HTTPRequest.Method.post, "//api/v1/keys"), (.post, "/api//v1/keys/"), (.put, "/api/v1/alerts//rules/x"),
                (.delete, "//api/v1/users/alice"), (.get, "/api/v1//audit"), (.put, "/api/v1/retention/"),
            ] {
                let response = try await client.execute(uri: path, method: method, headers: read, body: ByteBuffer(string: "{}"))
                #expect(response.status == .forbidden, "\(method) \(path)")
            }
            // A malformed escape in a one-project key's query is the route's to refuse, not a crash.
            for query in ["a=%", "a=%zz&project=acme", "project=%61cme"] {
                let response = try await client.execute(uri: "/api/v1/summary?\(query)", method: .get, headers: oneProject)
                #expect(response.status == .ok || response.status == .badRequest, "\(query)")
            }
            let other = try await client.execute(uri: "/api/v1/summary?project=beta", method: .get, headers: oneProject)
            #expect(other.status == .forbidden)
        }
    }
}
