/// The error a mirrored span records for a Loupe span's `exception` event.
///
/// Loupe keeps a failure as its type name and message (the error value itself stayed with the
/// code that threw), so this carries those two strings to `Span.recordError`.
public struct MirroredSpanError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `exception.type`: the fully qualified type name of the original error.
    public var type: String
    /// `exception.message`: the original error's description.
    public var message: String

    /// An error with the recorded type name and message.
    public init(type: String, message: String) {
        self.type = type
        self.message = message
    }

    public var description: String { message }
}
