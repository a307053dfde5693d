import Foundation
import LocalHarness
import NIOCore
import TestSupport
import Testing

/// The Migrate function as CloudFormation's `DatabaseMigration` custom resource calls it: every
/// request is answered through its pre-signed URL, and only a real failure is a function error
/// (what `MigrateErrorsAlarm` counts).
@Suite struct MigrateCustomResourceTests {
    static func event(_ requestType: String, responseURL: String) -> ByteBuffer {
        ResponseURLStandIn.event(
            requestType, responseURL: responseURL, logicalID: "DatabaseMigration", function: "Migrate",
            physicalID: "chronoview-schema")
    }

    /// A Delete touches no database: this one refuses every connection.
    @Test func aStackDeleteIsAnsweredSuccessAndIsNoFunctionError() async throws {
        try await ResponseURLStandIn.with { responseURL, standIn in
            let databasePort = try await UnusedPort.find()
            let migrate = FunctionProcesses.definition(
                "Migrate", environment: ["DATABASE_URL": "postgres://nobody@127.0.0.1:\(databasePort)/none"])
            try await withLocalLambda(functions: [migrate], logger: FunctionProcesses.quietLogger) { lambda in
                let result = try await lambda.invoke("Migrate", payload: Self.event("Delete", responseURL: responseURL))
                #expect(result.errorType == nil, "\(String(buffer: result.payload))")
                #expect(String(buffer: result.payload) == "null")
            }
            let answer = try standIn.answer()
            #expect(answer["Status"] as? String == "SUCCESS")
            #expect(answer["RequestId"] as? String == "request-1")
            #expect(answer["LogicalResourceId"] as? String == "DatabaseMigration")
            #expect(answer["PhysicalResourceId"] as? String == "chronoview-schema")
        }
    }

    /// A schema recorded by a newer build is one the migrator refuses to touch: a real failure.
    @Test func aFailedMigrationIsAnsweredFailedAndIsAFunctionError() async throws {
        try await ResponseURLStandIn.with { responseURL, standIn in
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
            let answer = try standIn.answer()
            #expect(answer["Status"] as? String == "FAILED")
            #expect(answer["RequestId"] as? String == "request-1")
        }
    }
}
