/// The AWS credentials the local Lambda service gives every function, as Lambda gives each its
/// role's: not secret, and accepted only by the local emulators.
public enum LocalCredentials {
    public static let accessKeyID = "ASIACHRONOVIEWLOCAL0"
    public static let secretAccessKey = "chronoview-local-secret-access-key"
    public static let sessionToken = "chronoview-local-session-token"
}
