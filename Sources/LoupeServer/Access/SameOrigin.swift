import HTTPTypes
import Hummingbird

/// Whether a browser says a request was sent by a page of another site. Browsers tell where a
/// request comes from (`Sec-Fetch-Site`, `Origin`); a page elsewhere that posts a form to Loupe is
/// caught here, even when a cookie would have gone with it.
enum SameOrigin {
    static func isCrossSite(_ request: Request) -> Bool {
        if let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!], site != "same-origin", site != "none" { return true }
        guard let origin = request.headers[.origin] else { return false }
        guard let host = request.headers[HTTPField.Name("Host")!] ?? request.head.authority else { return true }
        return origin != "http://" + host && origin != "https://" + host
    }
}
