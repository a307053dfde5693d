import LambdaEvents
import Logging
import Postgres

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Who is to hear of an ingestion: each new or changed candle goes to the connections
/// subscribed to its symbol, each fired alert to every connection of its owner (API.md, "Realtime").
enum PushPlanner {
    static func batch(for ingestion: CandleService.Ingestion, on connection: PostgresConnection, logger: Logger)
        async throws -> PushBatch
    {
        var messages: [PushBatch.Message] = []
        let symbols = Array(Set(ingestion.changed.map(\.symbol)))
        if !symbols.isEmpty {
            var subscribers: [String: [String]] = [:]
            for (id, subscribed) in try await connection.query(
                "SELECT id, symbols FROM realtime_connections WHERE symbols && \(symbols) ORDER BY connected_at, id",
                logger: logger
            ).decode((String, [String]).self) {
                for symbol in subscribed { subscribers[symbol, default: []].append(id) }
            }
            for candle in ingestion.changed {
                guard let ids = subscribers[candle.symbol] else { continue }
                messages.append(
                    PushBatch.Message(connectionIds: ids, data: try JSONCoding.text(of: RealtimeMessage.Candle(candle)))
                )
            }
        }
        let owners = Array(Set(ingestion.firedAlerts.map(\.owner)))
        if !owners.isEmpty {
            var connections: [UUID: [String]] = [:]
            for (id, owner) in try await connection.query(
                "SELECT id, user_id FROM realtime_connections WHERE user_id = ANY(\(owners)) ORDER BY connected_at, id",
                logger: logger
            ).decode((String, UUID).self) {
                connections[owner, default: []].append(id)
            }
            for alert in ingestion.firedAlerts {
                guard let ids = connections[alert.owner] else { continue }
                messages.append(
                    PushBatch.Message(
                        connectionIds: ids, data: try JSONCoding.text(of: RealtimeMessage.AlertTriggered(alert: alert)))
                )
            }
        }
        return PushBatch(messages: messages)
    }
}
