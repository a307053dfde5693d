import Foundation

/// An error of the Lambda service's own, as its API answers it: a status, the error's code in
/// `x-amzn-ErrorType`, and a JSON body with whose fault it is (`Type`) and a message.
///
/// Each error's message key is spelt as Lambda's service model spells it for that error
/// (`ResourceNotFoundException` and `ServiceException` have `Message`, the others `message`);
/// the SDKs read either. The errors only the local service raises are named as
/// `sam local start-lambda` names them.
struct LambdaServiceError: Error, Sendable, Hashable {
    var status: Int
    /// `x-amzn-ErrorType`, the error's code: `ResourceNotFoundException`.
    var code: String
    /// Whose fault it is: `User` (the caller's), `Service`, or `LocalService`.
    var type: String
    var messageKey: String
    var message: String
    /// Extra response headers, such as a 405's `Allow`.
    var headers: HTTPHeaderList = []

    /// The response, without the request id, which the caller adds.
    var response: GatewayResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding a dictionary of strings cannot fail.
        let body = try! encoder.encode(["Type": type, messageKey: message])
        var headers = headers
        headers.append("x-amzn-ErrorType", code)
        headers.append("Content-Type", "application/json")
        return GatewayResponse(status: status, headers: headers, body: Array(body))
    }

    /// No function, version or alias of that name: `arn` is the full ARN of what was asked for.
    static func resourceNotFound(functionARN arn: String) -> LambdaServiceError {
        LambdaServiceError(
            status: 404, code: "ResourceNotFoundException", type: "User", messageKey: "Message",
            message: "Function not found: \(arn)")
    }

    /// The payload is not JSON.
    static func invalidRequestContent(_ reason: String) -> LambdaServiceError {
        LambdaServiceError(
            status: 400, code: "InvalidRequestContentException", type: "User", messageKey: "message",
            message: "Could not parse request body into json: \(reason)")
    }

    /// The payload is over the invocation type's limit.
    static func requestTooLarge(_ message: String) -> LambdaServiceError {
        LambdaServiceError(
            status: 413, code: "RequestTooLargeException", type: "User", messageKey: "message", message: message)
    }

    /// A parameter breaks its constraint in the service model (an unknown invocation type, say),
    /// worded as AWS words them: `1 validation error detected: Value 'x' at 'invocationType'
    /// failed to satisfy constraint: ...`.
    static func validation(value: String, member: String, constraint: String) -> LambdaServiceError {
        LambdaServiceError(
            status: 400, code: "ValidationException", type: "User", messageKey: "message",
            message: "1 validation error detected: Value '\(value)' at '\(member)' failed to satisfy constraint: "
                + constraint)
    }

    /// Parameters that are each valid but contradict each other.
    static func invalidParameterValue(_ message: String) -> LambdaServiceError {
        LambdaServiceError(
            status: 400, code: "InvalidParameterValueException", type: "User", messageKey: "message",
            message: message)
    }

    /// The service failed; `message` says how, for the developer reading the response.
    static func service(_ message: String) -> LambdaServiceError {
        LambdaServiceError(
            status: 500, code: "ServiceException", type: "Service", messageKey: "Message", message: message)
    }

    /// No API of the local service has that path.
    static var pathNotFound: LambdaServiceError {
        LambdaServiceError(
            status: 404, code: "PathNotFoundLocally", type: "LocalService", messageKey: "Message",
            message: "PathNotFoundException")
    }

    /// The Invoke path, with a method other than `POST`.
    static var methodNotAllowed: LambdaServiceError {
        LambdaServiceError(
            status: 405, code: "MethodNotAllowedLocally", type: "LocalService", messageKey: "Message",
            message: "MethodNotAllowedException", headers: [("Allow", "POST")])
    }
}
