/// The `FunctionName` of an Invoke request, taken apart: which function, and which version or
/// alias of it.
///
/// Lambda takes a name (`Ingest`), an ARN (`arn:aws:lambda:us-east-1:123456789012:function:Ingest`)
/// or a partial ARN (`123456789012:function:Ingest`), each with an optional `:qualifier`; the
/// service model's pattern says which. The local service also takes a logical id for a name.
struct FunctionIdentifier: Sendable, Hashable {
    /// The function's name, or here its logical id, as the caller wrote it.
    var name: String
    /// The version or alias after the name (`$LATEST`, `1`, `live`), if any.
    var qualifier: String?

    /// The service model's limit on the whole identifier.
    static let maximumLength = 256

    /// Takes an identifier apart; throws the service's `ValidationException` when it is not one.
    init(_ text: String) throws(LambdaServiceError) {
        guard text.count <= Self.maximumLength else {
            throw .validation(
                value: text, member: "functionName",
                constraint: "Member must have length less than or equal to \(Self.maximumLength)")
        }
        // Compiled for each request: a `Regex` is not `Sendable`, so it cannot be kept in a static.
        // A constant pattern: if it did not compile, every test of the Invoke API would say so.
        let pattern = try! Regex(Self.publishedPattern)
        guard let match = text.wholeMatch(of: pattern) else {
            throw .validation(
                value: text, member: "functionName",
                constraint: "Member must satisfy regular expression pattern: \(Self.publishedPattern)")
        }
        // The name's group is not optional: a match always has it.
        name = String(match.output[Self.nameGroup].substring!)
        qualifier = match.output[Self.qualifierGroup].substring.map(String.init)
    }

    /// The service model's `NamespacedFunctionName` pattern, as the service quotes it in its
    /// validation message; matched whole, as the service matches it.
    private static let publishedPattern =
        #"(arn:(aws[a-zA-Z-]*)?:lambda:(eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}:\d{12}:|(((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}:)?(\d{12}:)?))(function:)?([a-zA-Z0-9-_\.]+)(:(\$LATEST(\.PUBLISHED)?|[a-zA-Z0-9-_]+))?"#

    /// The pattern's groups that hold the name and the qualifier.
    private static let nameGroup = 17
    private static let qualifierGroup = 19
}
