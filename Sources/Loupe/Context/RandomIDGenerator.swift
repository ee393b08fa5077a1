/// Random ids from the system's secure generator, as W3C Trace Context level 2 recommends.
public struct RandomIDGenerator: IDGenerator {
    public init() {}

    public func makeTraceID() -> TraceID {
        var generator = SystemRandomNumberGenerator()
        var id = TraceID(high: 0, low: 0)
        while !id.isValid {
            id = TraceID(high: generator.next(), low: generator.next())
        }
        return id
    }

    public func makeSpanID() -> SpanID {
        var generator = SystemRandomNumberGenerator()
        var id = SpanID(rawValue: 0)
        while !id.isValid {
            id = SpanID(rawValue: generator.next())
        }
        return id
    }
}
