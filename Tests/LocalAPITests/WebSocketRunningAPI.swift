import Foundation
import LambdaEvents
import LocalHarness
import Logging
import Synchronization
import Testing

/// The WebSocket API emulator as `chronoview-local serve` runs it, on a free port, in front of
/// the `RuntimeFixture` in its `websocket` mode as the function `Realtime`.
struct WebSocketRunningAPI: Sendable {
    let port: Int
    let gateway: WebSocketGateway
    let events: EventCollector
    let definitions: [FunctionDefinition]

    /// A template with the API of `template.yaml`'s realtime block, every route to `Realtime`.
    static let template = """
        Parameters:
          Stage: {Type: String, Default: dev}
        Resources:
          RealtimeFunction:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: fixtures/Realtime/
              Timeout: 5
              Environment:
                Variables:
                  FIXTURE_MODE: websocket
                  WEBSOCKET_MANAGEMENT_ENDPOINT: !Sub https://${RealtimeApi}.execute-api.${AWS::Region}.amazonaws.com/${Stage}
          RealtimeApi:
            Type: AWS::ApiGatewayV2::Api
            Properties: {Name: realtime, ProtocolType: WEBSOCKET, RouteSelectionExpression: $request.body.action}
          RealtimeIntegration:
            Type: AWS::ApiGatewayV2::Integration
            Properties:
              ApiId: !Ref RealtimeApi
              IntegrationType: AWS_PROXY
              IntegrationUri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${RealtimeFunction.Arn}/invocations
          ConnectRoute:
            Type: AWS::ApiGatewayV2::Route
            Properties: {ApiId: !Ref RealtimeApi, RouteKey: $connect, Target: !Sub "integrations/${RealtimeIntegration}"}
          DisconnectRoute:
            Type: AWS::ApiGatewayV2::Route
            Properties:
              ApiId: !Ref RealtimeApi
              RouteKey: $disconnect
              Target: !Join [/, [integrations, !Ref RealtimeIntegration]]
          DefaultRoute:
            Type: AWS::ApiGatewayV2::Route
            Properties:
              ApiId: !Ref RealtimeApi
              RouteKey: $default
              RouteResponseSelectionExpression: $default
              Target: !Sub "integrations/${RealtimeIntegration}"
          PingRoute:
            Type: AWS::ApiGatewayV2::Route
            Properties: {ApiId: !Ref RealtimeApi, RouteKey: ping, Target: !Sub "integrations/${RealtimeIntegration}"}
          DefaultRouteResponse:
            Type: AWS::ApiGatewayV2::RouteResponse
            Properties: {ApiId: !Ref RealtimeApi, RouteId: !Ref DefaultRoute, RouteResponseKey: $default}
          RealtimeStage:
            Type: AWS::ApiGatewayV2::Stage
            Properties: {ApiId: !Ref RealtimeApi, StageName: !Ref Stage, AutoDeploy: true}
        """

    /// Starts the function service and the emulator, runs `body`, and stops everything.
    static func run<Result: Sendable>(
        configuration: WebSocketAPIConfiguration = WebSocketAPIConfiguration(),
        _ body: (WebSocketRunningAPI) async throws -> Result
    ) async throws -> Result {
        let folder = try FixtureFolder()
        defer { folder.remove() }
        try folder.linkRuntimeFixture(as: "Realtime")
        let template = try ServerlessTemplate(yaml: template)
        let api = try #require(template.webSocketAPI)
        let server = try await WebSocketAPIServer.bind(port: 0)
        let settings = LocalFunctionSettings(
            buildPath: folder.path, webSocketManagementEndpoint: "http://127.0.0.1:\(server.port)")
        let definitions = template.functions.map(settings.definition(for:))
        let events = EventCollector()
        return try await withLocalLambda(
            functions: definitions, logger: RunningAPI.quiet, outputHandler: { events.record($0.text) }
        ) { lambda in
            let gateway = WebSocketGateway(api: api, invoker: lambda, configuration: configuration)
            return try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await server.run(gateway) }
                defer { group.cancelAll() }
                return try await body(
                    WebSocketRunningAPI(port: server.port, gateway: gateway, events: events, definitions: definitions))
            }
        }
    }

    /// Connects to the API's stage with `query`; the test fails unless the handshake succeeds.
    func connect<Result: Sendable>(
        query: String = "", headers: [(String, String)] = [],
        _ body: (inout WebSocketSession) async throws -> Result
    ) async throws -> Result {
        let handshake = try await WebSocketTestClient.connect(
            port: port, target: "/dev" + (query.isEmpty ? "" : "?\(query)"), headers: headers)
        guard case .upgraded(let channel) = handshake else {
            Issue.record("the handshake was refused: \(handshake)")
            throw CancellationError()
        }
        return try await channel.session(body)
    }
}

/// The events the function printed (`websocket-event <json>`), in order.
final class EventCollector: Sendable {
    private let events = Mutex<[APIGatewayWebSocketRequest]>([])

    func record(_ line: String) {
        let prefix = "websocket-event "
        guard line.hasPrefix(prefix),
            let event = try? JSONDecoder().decode(
                APIGatewayWebSocketRequest.self, from: Data(line.dropFirst(prefix.count).utf8))
        else { return }
        events.withLock { $0.append(event) }
    }

    var all: [APIGatewayWebSocketRequest] { events.withLock { $0 } }

    /// The events of one type, once there are `count` of them (or after ten seconds, what there
    /// is: generous, for a suite running in parallel on few cores).
    func of(
        _ type: APIGatewayWebSocketRequest.EventType, atLeast count: Int = 1
    ) async throws -> [APIGatewayWebSocketRequest] {
        for _ in 0..<200 {
            let matching = all.filter { $0.requestContext.eventType == type }
            if matching.count >= count { return matching }
            try await Task.sleep(for: .milliseconds(50))
        }
        return all.filter { $0.requestContext.eventType == type }
    }

    /// Whether the function saw no event of the type, a moment after the test's last step.
    func none(of type: APIGatewayWebSocketRequest.EventType) async throws -> Bool {
        try await Task.sleep(for: .milliseconds(300))
        return !all.contains { $0.requestContext.eventType == type }
    }
}
