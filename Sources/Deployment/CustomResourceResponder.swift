import Core
import Logging
import NIOCore
import Runtime

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Answers CloudFormation for a custom resource: SUCCESS or FAILED, PUT to the pre-signed S3 URL.
/// A stack waits up to an hour for this answer, so every path, failures included, sends one.
enum CustomResourceResponder {
    struct Response: Encodable {
        var Status: String
        var Reason: String
        var PhysicalResourceId: String
        var StackId: String
        var RequestId: String
        var LogicalResourceId: String
    }

    /// Does `work` for a Create or an Update and answers with how it went; a Delete has nothing
    /// to do and is answered SUCCESS.
    ///
    /// - Returns: the work's result; `nil` for a Delete.
    /// - Throws: the work's error, once answered FAILED, so that a real failure stays a function
    ///   error (what `MigrateErrorsAlarm` counts); or the answer's own failure.
    static func respond<Result: Sendable>(
        to request: CustomResourceRequest,
        context: LambdaContext,
        work: () async throws -> Result
    ) async throws -> Result? {
        let physicalID = request.physicalResourceID ?? "chronoview-schema"
        func answer(_ status: String, _ reason: String) async throws {
            let response = Response(
                Status: status, Reason: reason, PhysicalResourceId: physicalID, StackId: request.stackID,
                RequestId: request.requestID, LogicalResourceId: request.logicalResourceID)
            let body = try JSONEncoder().encode(response)
            try await PresignedURLUpload.put(Array(body), to: request.responseURL, eventLoop: context.eventLoop)
        }
        // Deleting the stack leaves the schema to the database's own fate (snapshot or deletion).
        guard request.requestType != "Delete" else {
            try await answer("SUCCESS", "nothing to undo")
            return nil
        }
        do {
            let result = try await work()
            try await answer("SUCCESS", "migrations applied")
            return result
        } catch {
            context.logger.error("migration failed", metadata: ["error": "\(error)"])
            try await answer("FAILED", "migration failed; see log stream \(context.requestID)")
            throw error
        }
    }
}
