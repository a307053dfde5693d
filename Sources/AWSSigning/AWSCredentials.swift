#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The AWS credentials a request is signed with: an access key and, for temporary
/// credentials such as a Lambda function's role, the session token that goes with it.
public struct AWSCredentials: Sendable, Hashable, CustomStringConvertible {
    public var accessKeyID: String
    public var secretAccessKey: String
    /// Sent as `x-amz-security-token` (a header, or a query parameter when presigning) and signed
    /// with the request, when present.
    public var sessionToken: String?

    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }

    /// The credentials Lambda gives a function's role: `AWS_ACCESS_KEY_ID`,
    /// `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`; `nil` unless both keys are set.
    ///
    /// - Parameter variable: reads one environment variable (the process environment by default);
    ///   an empty value counts as unset.
    public init?(
        environment variable: (String) -> String? = { ProcessInfo.processInfo.environment[$0] }
    ) {
        func value(_ name: String) -> String? {
            guard let value = variable(name), !value.isEmpty else { return nil }
            return value
        }
        guard let accessKeyID = value("AWS_ACCESS_KEY_ID"), let secretAccessKey = value("AWS_SECRET_ACCESS_KEY") else {
            return nil
        }
        self.init(
            accessKeyID: accessKeyID, secretAccessKey: secretAccessKey, sessionToken: value("AWS_SESSION_TOKEN"))
    }

    /// Names the access key only, so that logging credentials never leaks the secret.
    public var description: String {
        "AWSCredentials(accessKeyID: \(accessKeyID), temporary: \(sessionToken != nil))"
    }
}
