/// A key could not be stored because its id is already taken.
public struct AccessKeyConflict: Error, Sendable, CustomStringConvertible {
    public var id: String

    public init(id: String) {
        self.id = id
    }

    public var description: String { "a key with the id \(id) already exists" }
}
