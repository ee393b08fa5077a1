/// A key that cannot be created as asked; the message says what to change.
public struct AccessKeyError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}
