import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import NIOPosix
import SwiftProtobuf
import LoupeCore
import LoupeOTLP
import LoupeStore

/// OTLP ingest of one signal: `POST /v1/traces`, `/v1/metrics` or `/v1/logs` (protobuf or JSON,
/// plain or gzip), and the same signal's gRPC `Export` (``OTLPGRPCService``). What is signal-specific
/// (decoding, the batch it becomes, the answer's message) is the ``OTLPSignal``'s; admission,
/// reading, queueing and answering are the same for every signal and both transports.
///
/// The answer is 200 only once everything accepted is committed. Invalid items (spans, data points, log records)
/// are reported through `partial_success` while the rest are stored; an unreadable request changes nothing.
///
/// Overload is refused before the work is done: a request is turned away (429, with the time the
/// backlog needs to drain) before its body is read when the memory budget is spent, and while it is
/// read as soon as it would overspend it. Only the client's own mistakes are answered with another
/// 4xx, which exporters drop for good; anything unexpected is a 503, which they retry.
struct OTLPReceiver<Signal: OTLPSignal>: Sendable {
    let signal: Signal
    let queue: IngestQueue
    let budget: IngestBudget
    let counters: IngestCounters
    let maxBodyBytes: Int
    /// Seconds a throttled client is told to wait before the writer has measured its drain rate.
    let retryAfterSeconds: Int
    /// The server's clock, in unix nanoseconds: items timed far ahead of it are rejected.
    let now: @Sendable () -> Int64
    let logger: Logger
    let throttleLog: ThrottleLog
    /// Where bodies are decoded; see ``prepare(_:encoding:project:)``.
    let decodePool: NIOThreadPool

    /// What a request that is answered 200 brought.
    struct Accepted {
        /// Spans, data points or log records, by the signal.
        var items = 0
        var rejected = 0
        var rejectionMessage: String?
        var wireBytes = 0
        /// The project of what was stored: the key's or header's, a resource attribute's, or the default.
        var project: String?
    }

    init(
        signal: Signal, queue: IngestQueue, budget: IngestBudget, counters: IngestCounters, maxBodyBytes: Int,
        retryAfterSeconds: Int, now: @escaping @Sendable () -> Int64, logger: Logger, decodePool: NIOThreadPool = .singleton
    ) {
        (self.signal, self.queue, self.budget, self.counters) = (signal, queue, budget, counters)
        (self.maxBodyBytes, self.retryAfterSeconds, self.now, self.logger) = (maxBodyBytes, retryAfterSeconds, now, logger)
        throttleLog = ThrottleLog(logger: logger)
        self.decodePool = decodePool
    }

    func addRoutes(to router: Router<LoupeRequestContext>) {
        router.post(RouterPath(Signal.path)) { request, context in await receive(request, keyProject: context.grant?.project) }
        // A browser or a misconfigured exporter that GETs the endpoint learns what it takes.
        router.get(RouterPath(Signal.path)) { _, _ in
            Response(
                status: .methodNotAllowed, headers: [.allow: "POST", .contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: "OTLP/HTTP \(Signal.name) are sent with POST (application/x-protobuf or application/json)\n")))
        }
    }

    /// `keyProject`: the project of the key the request was sent with, which every span is stored
    /// in whatever the request says; without one, the `x-loupe-project` header, then the spans'
    /// resource attributes decide.
    func receive(_ request: Request, keyProject: String? = nil) async -> Response {
        let started = ContinuousClock.now
        let project = keyProject ?? request.headers[HTTPField.Name("x-loupe-project")!].flatMap { $0.isEmpty ? nil : $0 }
        let encoding = OTLPEncoding(contentType: request.headers[.contentType])
        let reservation = BudgetReservation(budget)
        defer { reservation.release() }
        let outcome: Result<Accepted, OTLPFailure>
        do throws(OTLPFailure) {
            outcome = .success(try await ingest(request, encoding: encoding, project: project, reservation: reservation))
        } catch {
            outcome = .failure(error)
        }
        let declared = request.headers[.contentLength].flatMap(Int.init) ?? 0
        record(outcome, route: "POST \(Signal.path)", started: started, declaredBytes: declared, project: project)
        switch outcome {
        case .success(let accepted):
            return OTLPResponses.success(Signal.answer(rejected: accepted.rejected, message: accepted.rejectionMessage), encoding: encoding ?? .json)
        case .failure(let failure):
            return OTLPResponses.failure(failure, encoding: encoding ?? .json)
        }
    }

    /// A protobuf message that another transport (gRPC) has read whole: the same admission,
    /// decoding, queueing, counting and logging as an HTTP body, and the same answer.
    func receive(message: Data, project: String?) async -> Result<any SwiftProtobuf.Message, OTLPFailure> {
        let started = ContinuousClock.now
        let reservation = BudgetReservation(budget)
        defer { reservation.release() }
        let outcome: Result<Accepted, OTLPFailure>
        do throws(OTLPFailure) {
            guard !budget.isExhausted, reservation.cover(message.count) else { throw throttled() }
            outcome = .success(try await accept(
                OTLPRequestBody.Read(data: message, wireBytes: message.count), encoding: .protobuf, project: project, reservation: reservation))
        } catch {
            outcome = .failure(error)
        }
        record(outcome, route: "gRPC \(Signal.path)", started: started, declaredBytes: message.count, project: project)
        return outcome.map { Signal.answer(rejected: $0.rejected, message: $0.rejectionMessage) }
    }

    /// Counts and logs how a request was answered.
    private func record(
        _ outcome: Result<Accepted, OTLPFailure>, route: String, started: ContinuousClock.Instant, declaredBytes: Int, project: String?
    ) {
        switch outcome {
        case .success(let accepted):
            counters.record(Signal.outcome(accepted: accepted.items, rejected: accepted.rejected))
            log(route, .ok, started: started, accepted)
        case .failure(let failure):
            if failure.status == .tooManyRequests || failure.status == .serviceUnavailable {
                counters.record(failure.status == .tooManyRequests ? .throttled : .unavailable)
                throttleLog.note(
                    status: failure.status.code, queuedSpans: queue.depth, bytesInFlight: budget.bytesInFlight,
                    retryAfter: failure.retryAfterSeconds ?? retryAfterSeconds)
            } else {
                counters.record(.invalid)
                log(route, failure.status, started: started, Accepted(wireBytes: declaredBytes, project: project), error: failure.message)
            }
        }
    }

    private func ingest(
        _ request: Request, encoding: OTLPEncoding?, project: String?, reservation: BudgetReservation
    ) async throws(OTLPFailure) -> Accepted {
        guard let encoding else {
            let given = request.headers[.contentType] ?? "none"
            throw .unsupportedMediaType("Content-Type '\(given)' is not supported; send application/x-protobuf or application/json")
        }
        // Admission first: decide before reading a byte of the body.
        let declared = request.headers[.contentLength].flatMap(Int.init) ?? 0
        if request.headers[.contentEncoding] == nil, declared > maxBodyBytes { throw .tooLarge(limit: maxBodyBytes) }
        guard !budget.isExhausted, reservation.cover(declared) else { throw throttled() }
        var request = request
        let body = try await OTLPRequestBody.read(&request, limit: maxBodyBytes, reservation: reservation, throttled: throttled)
        return try await accept(body, encoding: encoding, project: project, reservation: reservation)
    }

    /// Decodes, prepares and queues a body read whole, and waits for its commit.
    private func accept(
        _ body: OTLPRequestBody.Read, encoding: OTLPEncoding, project: String?, reservation: BudgetReservation
    ) async throws(OTLPFailure) -> Accepted {
        // Decoding briefly weighs many times the body: reserved before the work, so overload is refused first.
        let decodedBytes = body.data.count * IngestBudget.decodedBytesPerBodyByte(encoding)
        guard reservation.cover(reservation.heldBytes + decodedBytes) else { throw throttled() }
        // Held until the commit, while the decoded spans wait in the queue: giving back all but an
        // estimate of what they retain (their JSON texts twice over) let the overload test's peak
        // memory rise from 249 to 323 MiB.
        let prepared = try await prepare(body.data, encoding: encoding, project: project)
        do {
            try await queue.submit(prepared.batch)
        } catch IngestError.queueFull {
            throw throttled()
        } catch IngestError.shuttingDown {
            throw .unavailable("Loupe is shutting down; retry shortly", retryAfter: retryAfterSeconds)
        } catch {
            throw .unavailable("\(Signal.name) could not be stored (\(error)); nothing was kept, retry", retryAfter: retryAfterSeconds)
        }
        return Accepted(
            items: prepared.items, rejected: prepared.rejected, rejectionMessage: prepared.rejectionMessage,
            wireBytes: body.wireBytes, project: prepared.project ?? project)
    }

    /// Decodes and prepares a body on the blocking thread pool, not on Swift's cooperative threads:
    /// a large body takes tens of milliseconds of CPU, and on the cooperative pool (one thread per
    /// core) a few of them would starve every query, every 429 and the dashboard until they finish.
    /// The pool's size also bounds how many bodies are decoded at once.
    private func prepare(_ body: Data, encoding: OTLPEncoding, project: String?) async throws(OTLPFailure) -> OTLPPrepared {
        do {
            return try await decodePool.runIfActive { [signal, now] in
                try signal.prepare(body, encoding: encoding, project: project, nowNanos: now())
            }
        } catch let error as OTLPDecodingError {
            throw .badRequest(error.description)
        } catch {
            throw .unavailable("Loupe is shutting down; retry shortly", retryAfter: retryAfterSeconds)
        }
    }

    private func throttled() -> OTLPFailure {
        .throttled(retryAfter: counters.retryAfterSeconds(backlogSpans: queue.depth, fallback: retryAfterSeconds))
    }

    /// One line per answered request; refusals are tallied by ``ThrottleLog`` instead.
    private func log(_ route: String, _ status: HTTPResponse.Status, started: ContinuousClock.Instant, _ request: Accepted, error: String? = nil) {
        var metadata: Logger.Metadata = [
            "status": "\(status.code)", "\(Signal.itemKey)": "\(request.items)", "bytes": "\(request.wireBytes)",
            "duration_ms": "\((ContinuousClock.now - started).millisecondsText)",
        ]
        if let project = request.project { metadata["project"] = "\(project)" }
        if request.rejected > 0 { metadata["rejected"] = "\(request.rejected)" }
        if let error { metadata["error"] = "\(error)" }
        logger.info("\(route)", metadata: metadata)
    }
}
