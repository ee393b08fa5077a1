import Foundation
import HTTPTypes
import Hummingbird
import LoupeStore
import NIOCore

/// `DELETE /api/v1/users/{id}` erases one end user and `GET /api/v1/users/{id}/export` returns
/// everything stored about them (``UserRecords``); both admin-only and audited.
struct UserRoutes: Sendable {
    let records: UserRecords

    func addRoutes(to router: Router<LoupeRequestContext>) {
        router.delete("api/v1/users/:id") { _, context in
            let erased = try await records.erase(try Self.userId(context), actor: context.actor, client: context.clientAddress)
            return ErasedUserBody(user: erased.name, deleted: erased.deleted)
        }
        router.get("api/v1/users/:id/export") { _, context in
            let json = try await records.export(try Self.userId(context), actor: context.actor, client: context.clientAddress)
            return Response(
                status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: json))
            )
        }
    }

    /// The id as the client meant it: the router leaves path parameters percent-encoded
    /// (`alice%40example.com`), and erasing that spelling would erase nobody.
    private static func userId(_ context: LoupeRequestContext) throws -> String {
        let raw = context.parameters.get("id") ?? ""
        guard let id = raw.removingPercentEncoding else { throw APIError.badParameter("id", "'\(raw)' is not a percent-encoded user id") }
        guard !id.isEmpty, id.count <= 512 else { throw APIError.badParameter("id", "a user id of 1 to 512 characters") }
        return id
    }
}
