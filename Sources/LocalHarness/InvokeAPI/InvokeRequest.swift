import Foundation
import NIOCore

/// An Invoke request, checked as Lambda checks one: its path and method, its headers, the
/// function it names, and its payload.
struct InvokeRequest: Sendable {
    /// The name of the function to invoke, whichever way the request named it.
    var functionName: String
    var invocationType: InvocationType
    var logType: LogType
    /// The event: the request's body, or `{}` when it has none, as Lambda passes it on.
    var payload: ByteBuffer

    /// The Invoke API's path is `/2015-03-31/functions/{FunctionName}/invocations`.
    static let pathPrefix = "/2015-03-31/functions/"
    static let pathSuffix = "/invocations"

    /// Checks a request; throws the error Lambda would answer with.
    ///
    /// - Parameters:
    ///   - functionNames: each function's name, under every name a caller may use for it.
    ///   - configuration: the region and account of the ARNs the errors name.
    init(
        _ request: GatewayRequest, functionNames: [String: String], configuration: LocalLambda.Configuration
    ) throws(LambdaServiceError) {
        let identifier = try Self.functionIdentifier(inPath: request.rawPath)
        guard request.method == "POST" else { throw .methodNotAllowed }
        invocationType = try Self.option(
            "X-Amz-Invocation-Type", member: "invocationType", in: request.headers, default: .requestResponse)
        logType = try Self.option("X-Amz-Log-Type", member: "logType", in: request.headers, default: .none)
        let function = try FunctionIdentifier(identifier)
        let qualifier = try Self.qualifier(derived: function.qualifier, query: request.rawQueryString)
        // The local service runs each function as it is built: `$LATEST` is its one version.
        guard let name = functionNames[function.name], qualifier == nil || qualifier == "$LATEST" else {
            throw .resourceNotFound(
                functionARN: "arn:aws:lambda:\(configuration.region):\(configuration.accountID):function:"
                    + function.name + (qualifier.map { ":\($0)" } ?? ""))
        }
        functionName = name
        guard request.body.count <= invocationType.payloadLimit else {
            throw Self.tooLarge(bytes: request.body.count, for: invocationType)
        }
        payload = try Self.payload(request.body)
    }

    /// The error for a payload over the invocation type's limit, worded as Lambda words it.
    static func tooLarge(bytes: Int, for invocationType: InvocationType) -> LambdaServiceError {
        switch invocationType {
        case .requestResponse, .dryRun:
            .requestTooLarge(
                "Request must be smaller than \(invocationType.payloadLimit) bytes for the InvokeFunction operation")
        case .event:
            .requestTooLarge(
                "\(bytes) byte payload is too large for the Event invocation type "
                    + "(limit \(invocationType.payloadLimit) bytes)")
        }
    }

    /// The `FunctionName` of the path, percent-decoded as the SDKs encode it (`arn%3Aaws%3A...`).
    private static func functionIdentifier(inPath rawPath: String) throws(LambdaServiceError) -> String {
        guard rawPath.hasPrefix(pathPrefix), rawPath.hasSuffix(pathSuffix),
            rawPath.count > pathPrefix.count + pathSuffix.count
        else { throw .pathNotFound }
        let segment = rawPath.dropFirst(pathPrefix.count).dropLast(pathSuffix.count)
        guard !segment.contains("/") else { throw .pathNotFound }
        return PercentDecoding.decode(segment, plusAsSpace: false)
    }

    /// A header whose values the service model enumerates; `default` when it is absent.
    private static func option<Option: RawRepresentable<String> & CaseIterable>(
        _ header: String, member: String, in headers: HTTPHeaderList, default: Option
    ) throws(LambdaServiceError) -> Option {
        guard let value = headers[header] else { return `default` }
        guard let option = Option(rawValue: value) else {
            let values = Option.allCases.map(\.rawValue).joined(separator: ", ")
            throw .validation(
                value: value, member: member, constraint: "Member must satisfy enum value set: [\(values)]")
        }
        return option
    }

    /// The qualifier of the function name, or else of the `Qualifier` query parameter, which
    /// must agree when both are given.
    private static func qualifier(derived: String?, query: String) throws(LambdaServiceError) -> String? {
        let specified = query.split(separator: "&").compactMap { pair -> String? in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0] == "Qualifier", !parts[1].isEmpty else { return nil }
            return PercentDecoding.decode(parts[1], plusAsSpace: true)
        }.last
        if let derived, let specified, derived != specified {
            throw .invalidParameterValue(
                "The derived qualifier from the function name does not match the specified qualifier.")
        }
        return derived ?? specified
    }

    /// Lambda takes any JSON text, a bare string or number included, and passes an empty body on as `{}`.
    private static func payload(_ body: [UInt8]) throws(LambdaServiceError) -> ByteBuffer {
        guard !body.isEmpty else { return ByteBuffer(string: "{}") }
        do {
            _ = try JSONSerialization.jsonObject(with: Data(body), options: .fragmentsAllowed)
        } catch {
            let reason = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            throw .invalidRequestContent("Could not parse payload into json: \(reason)")
        }
        return ByteBuffer(bytes: body)
    }
}
