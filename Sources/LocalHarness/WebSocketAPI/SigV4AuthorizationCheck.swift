/// What API Gateway checks of an `@connections` request's AWS Signature Version 4 before
/// anything else: an `Authorization` header of the right form, scoped to `execute-api`.
///
/// The signature itself is not verified: the local Lambda service gives functions no AWS
/// credentials, so there is no secret to check it against.
enum SigV4AuthorizationCheck {
    /// API Gateway's refusal, or `nil` when the header passes.
    static func refusal(for headers: HTTPHeaderList) -> GatewayResponse? {
        guard let authorization = headers["authorization"] else {
            return refusal("Missing Authentication Token", type: "MissingAuthenticationTokenException")
        }
        let algorithm = "AWS4-HMAC-SHA256 "
        guard authorization.hasPrefix(algorithm) else {
            return refusal("Authorization header requires the AWS4-HMAC-SHA256 algorithm.")
        }
        var parameters: [String: String] = [:]
        for part in authorization.dropFirst(algorithm.count).split(separator: ",") {
            let pair = part.trimmingPrefix(" ").split(separator: "=", maxSplits: 1)
            if pair.count == 2 { parameters[String(pair[0])] = String(pair[1]) }
        }
        let missing = ["Credential", "SignedHeaders", "Signature"].filter { parameters[$0] == nil }
        guard missing.isEmpty else {
            return refusal(
                missing.map { "Authorization header requires '\($0)' parameter." }.joined(separator: " "))
        }
        // Credential=<key id>/<date>/<region>/<service>/aws4_request
        let scope = parameters["Credential"]!.split(separator: "/")
        guard scope.count == 5, scope[4] == "aws4_request" else {
            return refusal("Credential should be scoped to a valid region.")
        }
        guard scope[3] == "execute-api" else {
            return refusal("Credential should be scoped to correct service: 'execute-api'.")
        }
        guard headers["x-amz-date"] != nil || headers["date"] != nil else {
            return refusal("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.")
        }
        return nil
    }

    private static func refusal(_ message: String, type: String = "IncompleteSignatureException") -> GatewayResponse {
        var response = GatewayResponse.message(403, message)
        response.headers.append("x-amzn-ErrorType", type)
        return response
    }
}
