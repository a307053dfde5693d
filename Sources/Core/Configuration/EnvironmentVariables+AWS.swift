import AWSSigning

extension EnvironmentVariables {
    /// `AWS_REGION` (or `AWS_DEFAULT_REGION`), which Lambda sets.
    public func awsRegion() throws(ConfigurationError) -> String {
        guard let region = self["AWS_REGION"] ?? self["AWS_DEFAULT_REGION"] else {
            throw ConfigurationError(variable: "AWS_REGION", problem: "is not set (Lambda sets it)")
        }
        return region
    }

    /// The function role's credentials, which Lambda sets: `AWS_ACCESS_KEY_ID`,
    /// `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`.
    public func awsCredentials() throws(ConfigurationError) -> AWSCredentials {
        guard let credentials = AWSCredentials(environment: { self[$0] }) else {
            throw ConfigurationError(
                variable: "AWS_ACCESS_KEY_ID", problem: "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set")
        }
        return credentials
    }

    /// A required `http` or `https` URL, without a final `/`.
    public func httpURL(_ name: String) throws(ConfigurationError) -> String {
        guard let value = self[name] else { throw ConfigurationError(variable: name, problem: "is not set") }
        let scheme = value.prefix { $0 != ":" }.lowercased()
        guard scheme == "http" || scheme == "https", value.dropFirst(scheme.count).hasPrefix("://"),
            value.count > scheme.count + 3
        else {
            throw ConfigurationError(variable: name, problem: "expected an http or https URL")
        }
        return value.hasSuffix("/") ? String(value.dropLast()) : value
    }

    /// A service's endpoint: `AWS_ENDPOINT_URL_<SERVICE>` as the AWS SDKs read it (the local
    /// emulators, say), else the service's regional endpoint.
    public func awsEndpoint(service: String, region: String) throws(ConfigurationError) -> String {
        let variable = "AWS_ENDPOINT_URL_\(service.uppercased())"
        guard self[variable] != nil else { return "https://\(service).\(region).amazonaws.com" }
        return try httpURL(variable)
    }
}
