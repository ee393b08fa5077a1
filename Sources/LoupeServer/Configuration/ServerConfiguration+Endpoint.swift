extension ServerConfiguration {
    /// `https` when the server speaks TLS itself, else `http`.
    public var scheme: String { tls == nil ? "http" : "https" }

    /// Where notification links lead: the public URL when set, else the listening address.
    public var dashboardURL: String {
        if let url = alerts.publicURL { return url }
        return "\(scheme)://\(reachableHost):\(port)"
    }

    /// Whether the dashboard's cookies are marked Secure: when people reach it over https (the
    /// server's own TLS, or a TLS proxy in front named by `--public-url`).
    public var secureCookies: Bool { tls != nil || dashboardURL.lowercased().hasPrefix("https://") }

    /// Where OTLP exporters send traces, as the dashboard's empty pages say it.
    public var otlpEndpoint: String {
        port == 0 ? "/v1/traces on this server" : "\(scheme)://\(reachableHost):\(port)/v1/traces"
    }

    /// Where OTLP/gRPC exporters send, as the dashboard's empty pages say it; nil without a gRPC receiver.
    public var otlpGRPCEndpoint: String? {
        grpcPort.map { $0 == 0 ? "this server's gRPC port" : "\(reachableHost):\($0)" }
    }

    /// The listening host, or loopback for a wildcard address, which no client can connect to.
    private var reachableHost: String {
        host == "0.0.0.0" || host == "::" ? "127.0.0.1" : host
    }
}
