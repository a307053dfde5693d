/// Which requests the template's CloudFront distribution sends to the HTTP API rather than to
/// the app's bucket: its cache behaviours `/api`, `/api/*` and `/.well-known/jwks.json`.
public enum DistributionBehaviors {
    /// Whether `rawPath` goes to the API; every other path is the app's.
    public static func routesToAPI(_ rawPath: String) -> Bool {
        rawPath == "/api" || rawPath.hasPrefix("/api/") || rawPath == "/.well-known/jwks.json"
    }
}
