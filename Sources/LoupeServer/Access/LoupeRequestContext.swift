import Hummingbird
import NIOCore

/// Loupe's request context: Hummingbird's, plus where the request came from and who sent it, as
/// ``AccessMiddleware`` established.
public struct LoupeRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public var remoteAddress: SocketAddress?
    /// The caller's rights; nil on the open routes, which need none.
    public var grant: AccessGrant?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The client's address without its port, as the audit trail and the failure limiter know it.
    public var clientAddress: String { remoteAddress?.ipAddress ?? "" }
}
