/// The TLS certificate or key could not be used, in a sentence naming both files.
public struct TLSFilesError: Error, CustomStringConvertible {
    public var files: TLSFiles
    public var reason: String

    public var description: String {
        "cannot serve TLS with certificate \(files.certificatePath) and key \(files.privateKeyPath): \(reason)"
    }
}
