import Postgres
import Runtime

/// `GET /api/health`: 200 when the database answers, a 503 problem otherwise.
public enum HealthRoutes {
    struct Status: Encodable {
        var status = "ok"
        var database = "ok"
    }

    public static func health(_ services: ChronoViewServices) -> [String: Endpoint] {
        [
            "GET /api/health": Endpoint { _, _ in
                _ = try await services.database.withConnection { connection in
                    try await connection.query("SELECT 1", logger: services.database.logger)
                }
                return try .json(Status(), headers: ["cache-control": "no-store"])
            }
        ]
    }
}
