import Core
import Foundation
import Postgres
import TestSupport
import Testing

/// A signed-up user of a test, calling one collection's routes as the function serving them would.
struct CollectionClient {
    let services: ChronoViewServices
    let collection: TestCollection
    let routes: [String: Endpoint]
    let userID: UUID
    let token: String

    /// Signs up a new user through the account routes.
    static func signUp(_ services: ChronoViewServices, for collection: TestCollection) async throws -> CollectionClient
    {
        let accounts = AccountFixtures(services: services)
        let (_, token, _) = try await accounts.newSession()
        let me = await TestEvent("GET", "/api/me").bearer(token).send(to: accounts.me)
        let userID = try #require(UUID(uuidString: me.json["id"] as? String ?? ""))
        return CollectionClient(
            services: services, collection: collection, routes: collection.routes(services), userID: userID,
            token: token)
    }

    /// Runs `body` with a new user of `collection` on a fresh database: most collection tests
    /// need no more.
    static func withNewUser<Result: Sendable>(
        of collection: TestCollection, _ body: @Sendable (CollectionClient) async throws -> Result
    ) async throws -> Result {
        try await TestDatabase.withServices { services in
            try await body(signUp(services, for: collection))
        }
    }

    /// The same user, on another collection.
    func on(_ other: TestCollection) -> CollectionClient {
        CollectionClient(
            services: services, collection: other, routes: other.routes(services), userID: userID, token: token)
    }

    private var base: String { "/api/\(collection.name)" }

    func create(_ body: String) async -> TestResponse {
        await TestEvent("POST", base, body: body).bearer(token).send(to: routes)
    }

    /// Creates from the collection's valid body and returns the new object's id.
    func createValid(_ index: Int = 0) async throws -> String {
        let response = await create(collection.body(index))
        try #require(response.status == 201, "\(response.body ?? "")")
        return try #require(response.json["id"] as? String)
    }

    func list(_ query: [String: String] = [:]) async -> TestResponse {
        await TestEvent("GET", base, query: query).bearer(token).send(to: routes)
    }

    func get(_ id: String) async -> TestResponse {
        await item("GET", id).send(to: routes)
    }

    func patch(_ id: String, _ body: String, ifMatch: String? = nil) async -> TestResponse {
        var request = item("PATCH", id, body: body)
        if let ifMatch { request.headers["if-match"] = ifMatch }
        return await request.send(to: routes)
    }

    func delete(_ id: String, ifMatch: String? = nil) async -> TestResponse {
        var request = item("DELETE", id)
        if let ifMatch { request.headers["if-match"] = ifMatch }
        return await request.send(to: routes)
    }

    /// Every page of the listing, following `next_cursor`: the ids in order, and the pages seen.
    func listAll(limit: Int, query: [String: String] = [:]) async throws -> (ids: [String], pages: Int) {
        var ids: [String] = []
        var cursor: String?
        var pages = 0
        repeat {
            var parameters = query
            parameters["limit"] = String(limit)
            if let cursor { parameters["cursor"] = cursor }
            let page = await list(parameters)
            try #require(page.status == 200, "\(page.body ?? "")")
            pages += 1
            ids += page.items.compactMap { $0["id"] as? String }
            cursor = page.json["next_cursor"] as? String
        } while cursor != nil
        return (ids, pages)
    }

    /// Runs SQL on the test's database.
    func execute(_ query: SQLQuery) async throws {
        try await services.database.withConnection { connection in
            _ = try await connection.query(query, logger: TestDatabase.logger)
        }
    }

    /// How many rows of the collection's table this user owns.
    func storedCount(in table: String? = nil) async throws -> Int {
        let table = table ?? collection.name
        let userID = self.userID
        return try await services.database.withConnection { connection in
            let rows = try await connection.query(
                "SELECT count(*)::int8 FROM \(unescaped: table) WHERE user_id = \(userID)", logger: TestDatabase.logger)
            for count in try rows.decode(Int.self) { return count }
            return 0
        }
    }

    private func item(_ method: String, _ id: String, body: String? = nil) -> TestEvent {
        TestEvent(
            method, "\(base)/{id}", path: "\(base)/\(id)", pathParameters: ["id": id], body: body
        ).bearer(token)
    }
}

extension TestResponse {
    /// A page's `items`.
    var items: [[String: Any]] { json["items"] as? [[String: Any]] ?? [] }

    /// The codes of a 422's `errors`, by field.
    var errorCodes: [String: String] {
        var codes: [String: String] = [:]
        for error in json["errors"] as? [[String: Any]] ?? [] {
            if let field = error["field"] as? String { codes[field] = error["code"] as? String }
        }
        return codes
    }
}
