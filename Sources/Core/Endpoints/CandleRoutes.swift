import Runtime

/// `GET /api/candles`: a symbol's candles at a chart interval, for any signed-in user.
public enum CandleRoutes {
    struct Answer: Encodable {
        var symbol: String
        var interval: String
        var candles: [CandleBucket]
    }

    public static func candles(_ services: ChronoViewServices) -> [String: Endpoint] {
        let candles = services.candles
        return [
            "GET /api/candles": Endpoint(authenticatingWith: services) { _, request, context in
                let query = try CandleQuery(request)
                let buckets = try await candles.buckets(query, logger: context.logger)
                return try .json(Answer(symbol: query.symbol, interval: query.interval.rawValue, candles: buckets))
            }
        ]
    }
}
