/// Every migration ChronoView has released, oldest first.
public enum Migrations {
    public static let all: [Migration] = [
        accounts,
        collections,
        marketData,
        attemptThrottling,
        chartLayoutText,
        applicationRole,
        realtimeConnections,
    ]
}
