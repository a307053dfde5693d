import Core
import LambdaEvents

/// A CloudFormation custom resource event: what the stack asks of the `Migrate` function.
struct CustomResourceRequest: Sendable {
    var requestType: String
    var responseURL: String
    var stackID: String
    var requestID: String
    var logicalResourceID: String
    var physicalResourceID: String?

    /// Recognises the event by its fields; `nil` for a direct invocation.
    init?(_ event: JSONValue) {
        guard case .object(let fields) = event,
            case .string(let requestType)? = fields["RequestType"],
            case .string(let responseURL)? = fields["ResponseURL"],
            case .string(let stackID)? = fields["StackId"],
            case .string(let requestID)? = fields["RequestId"],
            case .string(let logicalResourceID)? = fields["LogicalResourceId"]
        else {
            return nil
        }
        self.requestType = requestType
        self.responseURL = responseURL
        self.stackID = stackID
        self.requestID = requestID
        self.logicalResourceID = logicalResourceID
        if case .string(let physical)? = fields["PhysicalResourceId"] { physicalResourceID = physical }
    }
}
