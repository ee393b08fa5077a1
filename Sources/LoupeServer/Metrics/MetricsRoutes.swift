import HTTPTypes
import Hummingbird
import NIOCore

/// `GET /metrics` for Prometheus; open, like `/health`, as scrapers expect.
struct MetricsRoutes<Context: RequestContext>: Sendable {
    let metrics: ServerMetrics

    func addRoutes(to router: Router<Context>) {
        router.get("metrics") { _, _ -> Response in
            let bytes = await metrics.render()
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))
            )
        }
    }
}
