import Core
import Foundation
import TestSupport
import Testing

/// What a user owns goes with them.
@Suite struct CollectionOwnershipTests {
    @Test func deletingTheAccountRemovesEveryChartWatchlistAndAlert() async throws {
        try await TestDatabase.withServices { services in
            let leaving = try await CollectionClient.signUp(services, for: .charts)
            let staying = try await CollectionClient.signUp(services, for: .charts)
            for collection in TestCollection.all {
                for index in 0..<3 {
                    _ = try await leaving.on(collection).createValid(index)
                    _ = try await staying.on(collection).createValid(index)
                }
                #expect(try await leaving.storedCount(in: collection.name) == 3)
            }

            let deleted = await TestEvent(
                "DELETE", "/api/me", body: #"{"password":"\#(AccountFixtures.password)"}"#
            ).bearer(leaving.token).send(to: AccountRoutes.me(services))
            #expect(deleted.status == 204)

            for collection in TestCollection.all {
                #expect(try await leaving.storedCount(in: collection.name) == 0, "\(collection.name)")
                #expect(try await staying.storedCount(in: collection.name) == 3, "\(collection.name)")
                #expect(await leaving.on(collection).list().status == 401)
            }
        }
    }
}
