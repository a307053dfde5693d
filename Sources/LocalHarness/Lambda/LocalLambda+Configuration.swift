extension LocalLambda {
    /// Settings of the local Lambda service that are not any one function's.
    public struct Configuration: Sendable, Hashable {
        /// `AWS_REGION` and `AWS_DEFAULT_REGION`, and the region of the invoked function's ARN.
        public var region: String
        /// The account in the invoked function's ARN.
        public var accountID: String
        /// How long a runtime may take to initialise (to ask for its first invocation): Lambda's
        /// init phase limit is 10 seconds.
        public var initTimeout: Duration

        /// The settings, by default those of a Lambda function in `us-east-1`.
        public init(
            region: String = "us-east-1", accountID: String = "123456789012", initTimeout: Duration = .seconds(10)
        ) {
            self.region = region
            self.accountID = accountID
            self.initTimeout = initTimeout
        }
    }
}
