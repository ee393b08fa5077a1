import Foundation
import HTTPTypes
import Hummingbird
import LoupeStore

/// `/api/v1/keys` (admin): list, create and revoke API keys.
struct AccessKeyRoutes: Sendable {
    let keys: AccessKeys

    private struct CreateRequest: Decodable {
        var name: String
        var scope: String
        var project: String?
    }

    func addRoutes(to router: Router<LoupeRequestContext>) {
        let api = router.group("api/v1/keys")
        api.get { _, _ in AccessKeyListBody(keys: try await keys.list().map(AccessKeyBody.init)) }
        api.post { request, context in try await create(request, context) }
        api.delete(":id") { _, context in
            let id = context.parameters.get("id") ?? ""
            guard try await keys.revoke(id: id, actor: context.actor, client: context.clientAddress) else {
                throw APIError.notFound("no active key with the id '\(id)': see GET /api/v1/keys")
            }
            return Response(status: .noContent)
        }
    }

    private func create(_ request: Request, _ context: LoupeRequestContext) async throws -> Response {
        let data = Data(try await request.body.collect(upTo: 64 << 10).readableBytesView)
        guard let body = try? JSONDecoder().decode(CreateRequest.self, from: data) else {
            throw APIError(status: .badRequest, message: #"the body must be JSON: {"name": …, "scope": "ingest|read|admin", "project": …}"#)
        }
        guard let scope = AccessScope(rawValue: body.scope) else {
            throw APIError.badParameter("scope", "unknown scope '\(body.scope)'; use ingest, read or admin")
        }
        let created: (key: AccessKey, text: String)
        do {
            created = try await keys.create(
                name: body.name, scope: scope, project: body.project, actor: context.actor, client: context.clientAddress
            )
        } catch let error as AccessKeyError {
            throw APIError(status: .badRequest, message: error.description)
        }
        var response = try CreatedKeyBody(key: AccessKeyBody(created.key), secret: created.text).response(from: request, context: context)
        response.status = .created
        response.headers[.cacheControl] = "no-store"
        return response
    }
}

extension LoupeRequestContext {
    /// Who the audit trail says acted: the key's id.
    var actor: String { grant?.keyId ?? "anonymous" }
}
