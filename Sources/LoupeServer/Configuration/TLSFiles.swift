/// The PEM files `loupe serve` speaks TLS with (`--tls-cert`, `--tls-key`), for a deployment with
/// no TLS proxy in front.
public struct TLSFiles: Sendable, Hashable {
    /// The certificate chain, leaf first.
    public var certificatePath: String
    public var privateKeyPath: String

    public init(certificatePath: String, privateKeyPath: String) {
        self.certificatePath = certificatePath
        self.privateKeyPath = privateKeyPath
    }
}
