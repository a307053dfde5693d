import Foundation
import LocalHarness
import NIOCore
import TestSupport
import Testing

/// The Migrate function as CloudFormation's `DatabaseMigration` custom resource calls it: every
/// request is answered through its pre-signed URL, and only a real failure is a function error
/// (what `MigrateErrorsAlarm` counts).
@Suite struct MigrateCustomResourceTests {
    static let responsePath = "/stack-response?X-Amz-Signature=abc"

    /// Runs `body` with a stand-in for the response URL, listening.
    static func withResponseURL(
        _ body: (_ responseURL: String, ResponseURLStandIn) async throws -> Void
    ) async throws {
        let standIn = ResponseURLStandIn()
        let server = try await standIn.start()
        let port = try #require(server.localAddress?.port)
        do {
            try await body("http://127.0.0.1:\(port)\(responsePath)", standIn)
        } catch {
            try? await server.close()
            throw error
        }
        try await server.close()
    }

    static func event(_ requestType: String, responseURL: String) -> ByteBuffer {
        let event: [String: Any] = [
            "RequestType": requestType, "ResponseURL": responseURL,
            "StackId": "arn:aws:cloudformation:us-east-1:123456789012:stack/chronoview/1",
            "RequestId": "request-1", "LogicalResourceId": "DatabaseMigration",
            "PhysicalResourceId": "chronoview-schema", "ResourceType": "Custom::DatabaseMigration",
            "ResourceProperties": ["ServiceToken": "arn:aws:lambda:us-east-1:123456789012:function:Migrate"],
        ]
        return ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: event))
    }

    /// The one answer the stand-in received, decoded.
    static func answer(_ standIn: ResponseURLStandIn) throws -> [String: Any] {
        let uploads = standIn.uploads
        try #require(uploads.count == 1, "\(uploads.count) answers were sent to the response URL")
        #expect(uploads[0].uri == responsePath)
        return try #require(try JSONSerialization.jsonObject(with: Data(uploads[0].body.utf8)) as? [String: Any])
    }

    /// A Delete touches no database: this one refuses every connection.
    @Test func aStackDeleteIsAnsweredSuccessAndIsNoFunctionError() async throws {
        try await Self.withResponseURL { responseURL, standIn in
            let databasePort = try await ClosedPort.make()
            let migrate = FunctionProcesses.definition(
                "Migrate", environment: ["DATABASE_URL": "postgres://nobody@127.0.0.1:\(databasePort)/none"])
            try await withLocalLambda(functions: [migrate], logger: FunctionProcesses.quietLogger) { lambda in
                let result = try await lambda.invoke("Migrate", payload: Self.event("Delete", responseURL: responseURL))
                #expect(result.errorType == nil, "\(String(buffer: result.payload))")
                #expect(String(buffer: result.payload) == "null")
            }
            let answer = try Self.answer(standIn)
            #expect(answer["Status"] as? String == "SUCCESS")
            #expect(answer["RequestId"] as? String == "request-1")
            #expect(answer["LogicalResourceId"] as? String == "DatabaseMigration")
            #expect(answer["PhysicalResourceId"] as? String == "chronoview-schema")
        }
    }

    /// A schema recorded by a newer build is one the migrator refuses to touch: a real failure.
    @Test func aFailedMigrationIsAnsweredFailedAndIsAFunctionError() async throws {
        try await Self.withResponseURL { responseURL, standIn in
            try await FunctionProcesses.with(["Migrate"]) { lambda, environment in
                let database = try #require(environment["DATABASE_URL"])
                try await AdminDatabase.run(
                    "CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, "
                        + "checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
                    at: database)
                try await AdminDatabase.run(
                    "INSERT INTO schema_migrations (version, name, checksum) VALUES (999999, 'newer', 'x')",
                    at: database)
                let result = try await lambda.invoke("Migrate", payload: Self.event("Update", responseURL: responseURL))
                #expect(result.errorType != nil)
            }
            let answer = try Self.answer(standIn)
            #expect(answer["Status"] as? String == "FAILED")
            #expect(answer["RequestId"] as? String == "request-1")
        }
    }
}
