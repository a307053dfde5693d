/// Why a SAM template could not be read, with the place in the template that says so.
public struct TemplateError: Error, CustomStringConvertible, Sendable, Hashable {
    /// Where in the template: a path such as `Resources.LoginFunction.Properties.Events.Api.Properties.Path`.
    public var location: String
    public var message: String

    public init(_ message: String, at location: String = "") {
        self.location = location
        self.message = message
    }

    public var description: String {
        location.isEmpty ? "template: \(message)" : "template: \(location): \(message)"
    }
}
