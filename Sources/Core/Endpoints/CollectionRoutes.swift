import Runtime

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The five routes every collection serves, written once for any ``CollectionKind``:
/// `GET` and `POST /api/{collection}`, `GET`, `PATCH` and `DELETE /api/{collection}/{id}`.
/// Each needs the bearer token, and acts only on the token's user's objects.
public enum CollectionRoutes {
    /// `/api/charts` and `/api/charts/{id}`
    public static func charts(_ services: ChronoViewServices) -> [String: Endpoint] {
        routes(for: Charts.self, services)
    }

    /// `/api/watchlists` and `/api/watchlists/{id}`
    public static func watchlists(_ services: ChronoViewServices) -> [String: Endpoint] {
        routes(for: Watchlists.self, services)
    }

    /// `/api/alerts` and `/api/alerts/{id}`
    public static func alerts(_ services: ChronoViewServices) -> [String: Endpoint] {
        routes(for: Alerts.self, services)
    }

    public static func routes<Kind: CollectionKind>(for kind: Kind.Type, _ services: ChronoViewServices)
        -> [String: Endpoint]
    {
        let collection = "/api/\(Kind.name)"
        let item = "\(collection)/{id}"
        let store = CollectionService<Kind>(database: services.database)
        return [
            "GET \(collection)": Endpoint(authenticatingWith: services) { user, request, context in
                var errors = ValidationErrors()
                let page = PageRequest(request, errors: &errors)
                let filters = Kind.filters(from: request, errors: &errors)
                try errors.check()
                return try .json(
                    try await store.list(owner: user.id, page: page, filters: filters, logger: context.logger))
            },
            "POST \(collection)": Endpoint(
                authenticatingWith: services, reading: { try values(of: Kind.self, $0, for: .create) }
            ) { user, values, _, context in
                let object = try await store.create(owner: user.id, values: values, logger: context.logger)
                return try .json(
                    object, status: 201, headers: ["location": object.location(in: Kind.name), "etag": object.etag])
            },
            "GET \(item)": Endpoint(authenticatingWith: services) { user, request, context in
                let object = try await store.find(id: try objectID(request), owner: user.id, logger: context.logger)
                return try .json(object, headers: ["etag": object.etag])
            },
            // The id before the body, so that a patch of no object is a 404 whatever it says.
            "PATCH \(item)": Endpoint(
                authenticatingWith: services,
                reading: { (id: try objectID($0), values: try values(of: Kind.self, $0, for: .update)) }
            ) { user, patch, request, context in
                let object = try await store.update(
                    id: patch.id, owner: user.id, values: patch.values,
                    precondition: VersionPrecondition(ifMatch: request.header("if-match")), logger: context.logger)
                return try .json(object, headers: ["etag": object.etag])
            },
            "DELETE \(item)": Endpoint(authenticatingWith: services) { user, request, context in
                try await store.delete(
                    id: try objectID(request), owner: user.id,
                    precondition: VersionPrecondition(ifMatch: request.header("if-match")), logger: context.logger)
                return .noContent()
            },
        ]
    }

    /// The columns a create or patch body writes, validated.
    private static func values<Kind: CollectionKind>(
        of kind: Kind.Type, _ request: HTTPRequest, for write: CollectionWrite
    ) throws(APIError) -> [ColumnValue] {
        try Kind.values(from: try request.jsonObject(), for: write)
    }

    /// The `{id}` of the path; a malformed one is a 404 like any id that names nothing.
    private static func objectID(_ request: HTTPRequest) throws(APIError) -> UUID {
        guard let text = request.pathParameter("id"), let id = UUID(pathComponent: text) else { throw .notFound }
        return id
    }
}
