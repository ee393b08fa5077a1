/// The OTLP/gRPC port could not be opened (another process holds it, say): the server stops with a
/// sentence that names the way out, rather than serving HTTP alone without saying so.
public struct OTLPGRPCListenError: Error, CustomStringConvertible {
    public let host: String
    public let port: Int
    public let reason: String

    public var description: String {
        "OTLP/gRPC could not listen on \(host):\(port) (\(reason)); if another process uses the port, pass --grpc-port with a free one, or --no-grpc"
    }
}
