import AWSSigning
import Foundation
import Testing

/// One case of AWS's Signature Version 4 test suite (as maintained in awslabs/aws-c-auth,
/// `tests/aws-signing-test-suite/v4`): a request, and the canonical request, string to sign
/// and `authorization` header AWS publishes for it. Every case signs with the same key, at the
/// same moment, for the same region and service.
struct SigV4SuiteVector: Sendable, CustomTestStringConvertible {
    var name: String
    var method: String
    /// The request line's target: the path and query as sent.
    var target: String
    var headers: [(String, String)]
    var body = ""
    var sessionToken: String?
    var includesPayloadHash = false
    var canonicalRequest: String
    var stringToSign: String
    var authorization: String

    var testDescription: String { name }

    static let credentials = AWSCredentials(
        accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    /// 2015-08-30T12:36:00Z.
    static let date = Date(timeIntervalSince1970: 1_440_938_160)

    var signer: SigV4Signer {
        var credentials = Self.credentials
        credentials.sessionToken = sessionToken
        return SigV4Signer(credentials: credentials, region: "us-east-1", service: "service")
    }

    var request: SignableRequest {
        let query = target.firstIndex(of: "?")
        return SignableRequest(
            method: method,
            path: String(target[..<(query ?? target.endIndex)]),
            query: query.map { String(target[target.index(after: $0)...]) } ?? "",
            headers: headers.map { SignableRequest.Header($0.0, $0.1) },
            body: Array(body.utf8)
        )
    }
}
