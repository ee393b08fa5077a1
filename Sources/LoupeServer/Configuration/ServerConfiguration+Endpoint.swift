extension ServerConfiguration {
    /// `https` when the server speaks TLS itself, else `http`.
    public var scheme: String { tls == nil ? "http" : "https" }

    /// Where notification links lead: the public URL when set, else the listening address.
    public var dashboardURL: String {
        if let url = alerts.publicURL { return url }
        let host = self.host == "0.0.0.0" || self.host == "::" ? "127.0.0.1" : self.host
        return "\(scheme)://\(host):\(port)"
    }

    /// Whether the dashboard's cookies are marked Secure: when people reach it over https (the
    /// server's own TLS, or a TLS proxy in front named by `--public-url`).
    public var secureCookies: Bool { tls != nil || dashboardURL.lowercased().hasPrefix("https://") }

    /// Where OTLP exporters send traces, as the dashboard's empty pages say it.
    public var otlpEndpoint: String {
        let host = self.host == "0.0.0.0" || self.host == "::" ? "127.0.0.1" : self.host
        return port == 0 ? "/v1/traces on this server" : "\(scheme)://\(host):\(port)/v1/traces"
    }
}
