import Foundation

/// API Gateway's request ids, as in `apigw-requestid` and `requestContext.requestId`:
/// 16 characters of base64 (`Ofq2ah6ioAMEVRA=`), fresh for every request.
enum GatewayRequestID {
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<11).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
    }

    /// An X-Ray trace header for the request, as API Gateway adds one: `Root=1-<epoch hex>-<24 hex>`.
    static func traceHeader(epochSeconds: Int64) -> String {
        var generator = SystemRandomNumberGenerator()
        let random = (0..<12).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }
        return "Root=1-\(String(epochSeconds, radix: 16))-\(random.joined())"
    }
}
