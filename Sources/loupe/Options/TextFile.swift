import Foundation

/// A file a command was pointed to (values, budgets, rate limits, rules, an inventory), read as
/// UTF-8 text, or a sentence saying it cannot be.
enum TextFile {
    static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw CommandFailure("cannot read \(path): check the path") }
        return String(decoding: data, as: UTF8.self)
    }

    /// The file read and parsed; a mistake in it is told as one sentence that starts with its path.
    static func load<Value>(_ path: String, _ parse: (String) throws -> Value) throws -> Value {
        let text = try read(path)
        do {
            return try parse(text)
        } catch {
            throw CommandFailure("\(path): \(error)")
        }
    }
}
