import Synchronization

/// API Gateway's route throttling: a token bucket per route, holding up to the burst limit and
/// refilled at the rate limit. A request that finds its route's bucket empty gets a 429.
public final class RouteThrottle: Sendable {
    public let settings: RouteThrottling
    private let buckets = Mutex<[String: Bucket]>([:])

    private struct Bucket {
        var tokens: Double
        var refilled: ContinuousClock.Instant
    }

    public init(_ settings: RouteThrottling) {
        self.settings = settings
    }

    /// Takes a token for a request to `routeKey` at `now`; `false` when there is none left.
    public func admit(_ routeKey: String, at now: ContinuousClock.Instant = .now) -> Bool {
        let burst = Double(settings.burstLimit)
        let rate = settings.rateLimit
        return buckets.withLock { buckets in
            var bucket = buckets[routeKey] ?? Bucket(tokens: burst, refilled: now)
            let elapsed = bucket.refilled.duration(to: now)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            // An unlimited rate refills at once; inf × 0 would be NaN.
            if seconds > 0 { bucket.tokens = min(burst, bucket.tokens + seconds * rate) }
            bucket.refilled = now
            let admitted = bucket.tokens >= 1
            if admitted { bucket.tokens -= 1 }
            buckets[routeKey] = bucket
            return admitted
        }
    }
}
