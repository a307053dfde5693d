import Foundation
import LambdaEvents
import NIOCore

/// Turns a function's result into the client's response, as API Gateway does with payload format 2.0.
///
/// - A JSON object with a `statusCode` is a response: status, `headers`, each of `cookies` as
///   a `set-cookie` header, and `body` (base64-decoded when `isBase64Encoded`).
/// - Any other valid JSON is the body of a 200 `application/json` response (the "inferred"
///   format); a JSON string gives its content.
/// - A function error, a payload that is not JSON, or a response with a malformed field is a
///   502 `{"message":"Internal Server Error"}`.
public enum IntegrationResponseMapper {
    /// Why a function's payload is not a response; for the terminal, never for the client.
    public struct Malformed: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    public static func response(for outcome: InvocationResult.Outcome) -> Result<GatewayResponse, Malformed> {
        switch outcome {
        case .functionError(let errorType, _):
            return .failure(Malformed(description: "the function failed with \(errorType)"))
        case .success(let payload):
            return response(forPayload: Array(payload.readableBytesView))
        }
    }

    static func response(forPayload payload: [UInt8]) -> Result<GatewayResponse, Malformed> {
        let value: JSONValue
        do {
            value = try decoder.decode(JSONValue.self, from: Data(payload))
        } catch {
            return .failure(Malformed(description: "the function's result is not JSON"))
        }
        guard case .object(let object) = value, let statusValue = object["statusCode"] else {
            let body: [UInt8]
            if case .string(let text) = value {
                body = Array(text.utf8)
            } else {
                body = payload
            }
            return .success(GatewayResponse(status: 200, headers: [("content-type", "application/json")], body: body))
        }

        guard case .number(let number) = statusValue, let status = Int(number.description), (100...599).contains(status)
        else {
            return .failure(Malformed(description: "statusCode is not an HTTP status: \(statusValue)"))
        }
        var headers = HTTPHeaderList()
        switch object["headers"] {
        case nil, .null?:
            break
        case .object(let fields)?:
            for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
                guard let text = headerText(value) else {
                    return .failure(Malformed(description: "header \(name) is not a string"))
                }
                headers.append(name.lowercased(), text)
            }
        default:
            return .failure(Malformed(description: "headers is not an object"))
        }
        switch object["cookies"] {
        case nil, .null?:
            break
        case .array(let cookies)?:
            for cookie in cookies {
                guard case .string(let text) = cookie else {
                    return .failure(Malformed(description: "cookies holds a value that is not a string"))
                }
                headers.append("set-cookie", text)
            }
        default:
            return .failure(Malformed(description: "cookies is not an array"))
        }
        let isBase64Encoded: Bool
        switch object["isBase64Encoded"] {
        case nil, .null?: isBase64Encoded = false
        case .bool(let flag)?: isBase64Encoded = flag
        default: return .failure(Malformed(description: "isBase64Encoded is not a boolean"))
        }
        var body: [UInt8] = []
        switch object["body"] {
        case nil, .null?:
            break
        case .string(let text)?:
            if isBase64Encoded {
                guard let decoded = Data(base64Encoded: text) else {
                    return .failure(Malformed(description: "body is not valid base64"))
                }
                body = Array(decoded)
            } else {
                body = Array(text.utf8)
            }
        default:
            return .failure(Malformed(description: "body is not a string"))
        }
        // The server frames the body itself; a function's framing headers would contradict it.
        for framing in ["content-length", "transfer-encoding", "connection"] { headers.remove(framing) }
        return .success(GatewayResponse(status: status, headers: headers, body: body))
    }

    /// Header values may come as strings, numbers or booleans; anything else is malformed.
    private static func headerText(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .number(let number): number.description
        default: nil
        }
    }

    /// Made once: every invocation's result goes through it.
    private static let decoder = JSONDecoder()
}
