/// A file the dashboard serves from the binary itself: no CDN, works offline.
public struct DashboardAsset: Sendable {
    public var contentType: String
    public var body: String

    /// The asset at `name` under the assets path, nil when there is none.
    public static func named(_ name: String) -> DashboardAsset? {
        switch name {
        case "loupe.css": return DashboardAsset(contentType: "text/css; charset=utf-8", body: DashboardStyle.css)
        case "loupe.js": return DashboardAsset(contentType: "text/javascript; charset=utf-8", body: DashboardScript.js)
        case "favicon.svg": return DashboardAsset(contentType: "image/svg+xml", body: favicon)
        default: return nil
        }
    }

    static let favicon = #"""
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="13" cy="13" r="9" fill="none" stroke="#3b5bdb" stroke-width="4"/><path d="M20 20l8 8" stroke="#3b5bdb" stroke-width="4" stroke-linecap="round"/></svg>
"""#
}
