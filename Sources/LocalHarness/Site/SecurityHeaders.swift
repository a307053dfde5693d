/// The security headers of the template's `SecurityHeadersPolicy` (a response headers policy), which
/// CloudFront adds to the app's responses, so that the app meets its Content-Security-Policy
/// locally as it must in production (StaticSiteTests holds the two to the same directives).
/// HSTS is left out: the local server speaks plain HTTP.
enum SecurityHeaders {
    static func fields(realtimeOrigin: String?) -> [(name: String, value: String)] {
        let connectSources = ["'self'"] + (realtimeOrigin.map { [$0] } ?? [])
        let policy = [
            "default-src 'self'", "connect-src \(connectSources.joined(separator: " "))", "img-src 'self' data:",
            "style-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'",
            "base-uri 'self'", "form-action 'self'",
        ]
        return [
            ("content-security-policy", policy.joined(separator: "; ")),
            ("x-content-type-options", "nosniff"),
            ("referrer-policy", "strict-origin-when-cross-origin"),
            ("x-frame-options", "DENY"),
        ]
    }
}
