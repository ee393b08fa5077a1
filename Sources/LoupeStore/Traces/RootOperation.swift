/// A kind of request as its traces' root spans name it (`POST /answer`, `research_agent.run`), in
/// the service that serves it, with how many traces of it a range holds.
public struct RootOperation: Sendable, Hashable {
    public var service: String
    public var name: String
    public var traces: Int64

    public init(service: String, name: String, traces: Int64) {
        self.service = service
        self.name = name
        self.traces = traces
    }
}
