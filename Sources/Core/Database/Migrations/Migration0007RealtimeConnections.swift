extension Migrations {
    /// The open WebSocket connections: whose they are, what they are subscribed to, and since when
    /// (API Gateway ends a connection after 2 hours, so an older row is one whose `$disconnect`
    /// never came).
    static let realtimeConnections = Migration(
        version: 7,
        name: "realtime_connections",
        statements: [
            """
            CREATE TABLE realtime_connections (
                id text PRIMARY KEY CONSTRAINT realtime_connections_id_length CHECK (length(id) BETWEEN 1 AND 128),
                user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                symbols text[] NOT NULL DEFAULT '{}',
                connected_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            "CREATE INDEX realtime_connections_user ON realtime_connections (user_id)",
            "CREATE INDEX realtime_connections_symbols ON realtime_connections USING gin (symbols)",
            "CREATE INDEX realtime_connections_age ON realtime_connections (connected_at)",
            "GRANT SELECT, INSERT, UPDATE, DELETE ON realtime_connections TO \(ApplicationRole.name)",
        ]
    )
}
