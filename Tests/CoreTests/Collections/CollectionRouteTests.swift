import Core
import Foundation
import Postgres
import TestSupport
import Testing

/// The rules every collection shares, run against each of the three over the real database.
@Suite struct CollectionRouteTests {
    static var timestampPattern: Regex<Substring> { #/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/# }

    @Test(arguments: TestCollection.all)
    func createAnswers201WithLocationEtagAndTheStoredObject(_ collection: TestCollection) async throws {
        try await CollectionClient.withNewUser(of: collection) { client in
            let created = await client.create(collection.body(1))
            #expect(created.status == 201)
            #expect(created.header("content-type") == "application/json")
            let id = try #require(created.json["id"] as? String)
            #expect(UUID(uuidString: id) != nil)
            #expect(id == id.lowercased())
            #expect(created.header("location") == "/api/\(collection.name)/\(id)")
            #expect(created.header("etag") == #""1""#)
            #expect(created.json["version"] as? Int == 1)
            let createdAt = try #require(created.json["created_at"] as? String)
            #expect(createdAt.wholeMatch(of: Self.timestampPattern) != nil)
            #expect(created.json["updated_at"] as? String == createdAt)

            let read = await client.get(id)
            #expect(read.status == 200)
            #expect(read.header("etag") == #""1""#)
            #expect(NSDictionary(dictionary: read.json) == NSDictionary(dictionary: created.json))
        }
    }

    @Test(arguments: TestCollection.all)
    func everyRouteNeedsABearerToken(_ collection: TestCollection) async throws {
        try await TestDatabase.withServices { services in
            let routes = collection.routes(services)
            let base = "/api/\(collection.name)"
            let id = UUID().uuidString.lowercased()
            let requests = [
                TestEvent("GET", base), TestEvent("POST", base, body: collection.body(0)),
                TestEvent("GET", "\(base)/{id}", path: "\(base)/\(id)", pathParameters: ["id": id]),
                TestEvent("PATCH", "\(base)/{id}", path: "\(base)/\(id)", pathParameters: ["id": id], body: "{}"),
                TestEvent("DELETE", "\(base)/{id}", path: "\(base)/\(id)", pathParameters: ["id": id]),
            ]
            for request in requests {
                let response = await request.send(to: routes)
                #expect(response.status == 401, "\(request.method) \(request.route)")
                #expect(response.header("www-authenticate") == "Bearer")
            }
        }
    }

    @Test(arguments: TestCollection.all)
    func anotherUsersObjectIsNotFoundAndUntouched(_ collection: TestCollection) async throws {
        try await TestDatabase.withServices { services in
            let owner = try await CollectionClient.signUp(services, for: collection)
            let other = try await CollectionClient.signUp(services, for: collection)
            let id = try await owner.createValid()

            #expect(await other.get(id).status == 404)
            #expect(await other.get(id).code == "not_found")
            #expect(await other.patch(id, collection.change.body).status == 404)
            #expect(await other.patch(id, collection.change.body, ifMatch: #""1""#).status == 404)
            #expect(await other.delete(id).status == 404)
            #expect(await other.delete(id, ifMatch: #""1""#).status == 404)
            #expect(await other.list().items.isEmpty)

            let read = await owner.get(id)
            #expect(read.status == 200)
            #expect(read.json["version"] as? Int == 1)
            #expect(await owner.list().items.count == 1)
        }
    }

    @Test(arguments: TestCollection.all)
    func malformedAndUnknownIdsAreNotFound(_ collection: TestCollection) async throws {
        try await CollectionClient.withNewUser(of: collection) { client in
            for id in ["not-a-uuid", "123", UUID().uuidString.lowercased(), "\(UUID().uuidString)x"] {
                #expect(await client.get(id).status == 404, "\(id)")
                #expect(await client.patch(id, collection.change.body).status == 404, "\(id)")
                #expect(await client.delete(id).status == 404, "\(id)")
            }
        }
    }

    @Test(arguments: TestCollection.all)
    func patchReplacesTheGivenFieldsAndBumpsTheVersion(_ collection: TestCollection) async throws {
        try await CollectionClient.withNewUser(of: collection) { client in
            let created = await client.create(collection.body(1))
            let id = try #require(created.json["id"] as? String)
            // Fields the client may never set ride along and are ignored.
            var change = try #require(
                try JSONSerialization.jsonObject(with: Data(collection.change.body.utf8)) as? [String: Any])
            change["id"] = UUID().uuidString
            change["version"] = 99
            change["created_at"] = "2000-01-01T00:00:00.000Z"
            change["updated_at"] = "2000-01-01T00:00:00.000Z"
            change["user_id"] = UUID().uuidString
            let body = String(decoding: try JSONSerialization.data(withJSONObject: change), as: UTF8.self)

            let patched = await client.patch(id, body)
            #expect(patched.status == 200)
            #expect(patched.header("etag") == #""2""#)
            #expect(patched.json["version"] as? Int == 2)
            #expect(patched.json["id"] as? String == id)
            #expect(patched.json[collection.change.field] as? String == collection.change.value)
            #expect(patched.json["created_at"] as? String == created.json["created_at"] as? String)
            let updatedAt = try #require(patched.json["updated_at"] as? String)
            #expect(updatedAt >= (created.json["created_at"] as? String ?? ""))
            // Everything not given is as it was.
            for (key, value) in created.json
            where !["version", "updated_at", collection.change.field].contains(key) {
                #expect(
                    NSDictionary(dictionary: [key: patched.json[key] as Any]) == NSDictionary(dictionary: [key: value]),
                    "\(key)")
            }
            #expect(await client.get(id).header("etag") == #""2""#)
            #expect(await client.patch(id, "{}").json["version"] as? Int == 3)
        }
    }

    @Test(arguments: TestCollection.all)
    func nullForAnyFieldIsA422NamingItAndChangesNothing(_ collection: TestCollection) async throws {
        try await CollectionClient.withNewUser(of: collection) { client in
            let created = await client.create(collection.body(1))
            let id = try #require(created.json["id"] as? String)
            for field in collection.fields {
                let patched = await client.patch(id, #"{"\#(field)":null}"#)
                #expect(patched.status == 422, "PATCH \(field): null")
                #expect(patched.errorCodes == [field: "invalid_type"])
                // In a create too, defaulted fields included: null is not "take the default".
                var body = try #require(
                    try JSONSerialization.jsonObject(with: Data(collection.body(2).utf8)) as? [String: Any])
                body[field] = NSNull()
                let refused = await client.create(
                    String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self))
                #expect(refused.status == 422, "POST \(field): null")
                #expect(refused.errorCodes == [field: "invalid_type"])
            }
            let read = await client.get(id)
            #expect(NSDictionary(dictionary: read.json) == NSDictionary(dictionary: created.json), "nothing changed")
            #expect(try await client.storedCount() == 1)
        }
    }

    @Test(arguments: TestCollection.all)
    func patchAndPostRefuseBodiesThatAreNotJSONObjects(_ collection: TestCollection) async throws {
        try await CollectionClient.withNewUser(of: collection) { client in
            let id = try await client.createValid()
            for body in ["", "not json", "[1]", #""text""#, "null"] {
                let created = await client.create(body)
                #expect(created.status == 400, "\(body)")
                #expect(created.code == "invalid_json")
                #expect(await client.patch(id, body).status == 400, "\(body)")
            }
            #expect(await client.get(id).json["version"] as? Int == 1)
        }
    }

    @Test(arguments: TestCollection.all)
    func ifMatchMustBeTheCurrentVersionInQuotes(_ collection: TestCollection) async throws {
        try await CollectionClient.withNewUser(of: collection) { client in
            let id = try await client.createValid()
            let refused = [#""2""#, "1", "*", #"W/"1""#, #""01""#, #""1", "2""#, #"" 1""#, "\"\"", "", #""-1""#]
            for value in refused {
                let response = await client.patch(id, collection.change.body, ifMatch: value)
                #expect(response.status == 412, "if-match: \(value)")
                #expect(response.code == "precondition_failed")
            }
            #expect(await client.get(id).json["version"] as? Int == 1, "no refused write changed anything")

            let current = await client.patch(id, collection.change.body, ifMatch: #" "1" "#)
            #expect(current.status == 200)
            #expect(current.header("etag") == #""2""#)
            let stale = await client.patch(id, collection.change.body, ifMatch: #""1""#)
            #expect(stale.status == 412)
            #expect(await client.patch(id, collection.change.body, ifMatch: #""2""#).status == 200)

            let missing = UUID().uuidString.lowercased()
            #expect(await client.patch(missing, collection.change.body, ifMatch: #""1""#).status == 404)
            #expect(await client.patch(missing, collection.change.body, ifMatch: "*").status == 404)
        }
    }

    @Test(arguments: TestCollection.all)
    func concurrentPatchesWithOneIfMatchLetExactlyOneThrough(_ collection: TestCollection) async throws {
        try await TestDatabase.withServices(poolSize: 8) { services in
            let client = try await CollectionClient.signUp(services, for: collection)
            for round in 0..<3 {
                let id = try await client.createValid(round)
                let statuses = await withTaskGroup(of: Int.self) { group in
                    for _ in 0..<6 {
                        // A full body is a valid change too, with a name no other round uses.
                        group.addTask { await client.patch(id, collection.body(1000 + round), ifMatch: #""1""#).status }
                    }
                    return await group.reduce(into: []) { $0.append($1) }
                }
                #expect(statuses.filter { $0 == 200 }.count == 1, "\(statuses)")
                #expect(statuses.filter { $0 == 412 }.count == 5, "\(statuses)")
                #expect(await client.get(id).json["version"] as? Int == 2)
            }
        }
    }

    @Test(arguments: TestCollection.all)
    func deleteRemovesTheObjectAndHonoursIfMatch(_ collection: TestCollection) async throws {
        try await CollectionClient.withNewUser(of: collection) { client in
            let id = try await client.createValid()
            #expect(await client.delete(id, ifMatch: #""2""#).status == 412)
            #expect(await client.delete(id, ifMatch: "*").status == 412)
            #expect(await client.get(id).status == 200)
            let deleted = await client.delete(id, ifMatch: #""1""#)
            #expect(deleted.status == 204)
            #expect(deleted.body == nil)
            #expect(await client.get(id).status == 404)
            #expect(await client.delete(id).status == 404)
            #expect(await client.patch(id, collection.change.body).status == 404)

            let other = try await client.createValid(1)
            #expect(await client.delete(other).status == 204, "without if-match the delete is unconditional")
            #expect(try await client.storedCount() == 0)
        }
    }

    @Test(arguments: TestCollection.all)
    func twentyConcurrentCreatesAtTheCapNeverGoOverIt(_ collection: TestCollection) async throws {
        try await TestDatabase.withServices(poolSize: 8) { services in
            let client = try await CollectionClient.signUp(services, for: collection)
            let room = 3
            try await client.execute(collection.fill(client.userID, collection.cap - room))
            let responses = await withTaskGroup(of: TestResponse.self) { group in
                for index in 0..<20 {
                    group.addTask { await client.create(collection.body(index)) }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(responses.filter { $0.status == 201 }.count == room)
            let refused = responses.filter { $0.status == 409 }
            #expect(refused.count == 20 - room)
            #expect(refused.allSatisfy { $0.code == "limit_reached" })
            #expect(try await client.storedCount() == collection.cap)

            // The cap is per user: someone else still has room.
            let other = try await CollectionClient.signUp(services, for: collection)
            #expect(await other.create(collection.body(0)).status == 201)
            // And deleting makes room again.
            let anyID = try #require(await client.list(["limit": "1"]).items.first?["id"] as? String)
            #expect(await client.delete(anyID).status == 204)
            #expect(await client.create(collection.body(99)).status == 201)
            #expect(await client.create(collection.body(100)).status == 409)
        }
    }
}
