import Foundation

/// The two files of one reproduction.
public struct ReproFiles: Sendable, Hashable {
    /// The request (redacted), the error and where it was sent, as JSON.
    public var json: URL
    /// A shell script that replays the request with `curl`.
    public var script: URL

    public init(json: URL, script: URL) {
        self.json = json
        self.script = script
    }
}
