import LocalHarness
import Testing

/// Reading a template's WebSocket API, and selecting a message's route as API Gateway does.
@Suite struct WebSocketTemplateTests {
    @Test func routesResolveThroughTheirIntegrationToTheFunction() throws {
        let api = try #require(try ServerlessTemplate(yaml: WebSocketRunningAPI.template).webSocketAPI)
        #expect(api.routeSelectionExpression == "$request.body.action")
        #expect(api.stageName == "dev")
        #expect(Set(api.routes.keys) == ["$connect", "$disconnect", "$default", "ping"])
        #expect(api.routes.values.allSatisfy { $0.functionName == "Realtime" })
        #expect(api.routes["$default"]?.hasRouteResponse == true)
        #expect(api.routes["ping"]?.hasRouteResponse == false)
        #expect(api.routes["$connect"]?.integrationTimeout == .seconds(29))
    }

    @Test func aTemplateWithoutAWebSocketAPIHasNone() throws {
        let template = try ServerlessTemplate(
            yaml: """
                Resources:
                  HealthFunction:
                    Type: AWS::Serverless::Function
                    Properties: {CodeUri: fixtures/Health/}
                """)
        #expect(template.webSocketAPI == nil)
    }

    @Test func aRouteWhoseFunctionIsMissingIsLeftOutWithAWarning() throws {
        let template = try ServerlessTemplate(
            yaml: """
                Resources:
                  Api:
                    Type: AWS::ApiGatewayV2::Api
                    Properties: {ProtocolType: WEBSOCKET, RouteSelectionExpression: $request.body.action}
                  Integration:
                    Type: AWS::ApiGatewayV2::Integration
                    Properties:
                      ApiId: !Ref Api
                      IntegrationType: AWS_PROXY
                      IntegrationUri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/functions/${Gone.Arn}/invocations
                  Route:
                    Type: AWS::ApiGatewayV2::Route
                    Properties: {ApiId: !Ref Api, RouteKey: $default, Target: !Sub "integrations/${Integration}"}
                """)
        #expect(template.webSocketAPI?.routes.isEmpty == true)
        #expect(template.warnings.count == 2)
    }

    @Test func theActionPicksARouteThatExistsAndEverythingElseGoesToDefault() {
        let api = WebSocketAPIDefinition(
            logicalID: "Api", routeSelectionExpression: "$request.body.action",
            routes: [
                WebSocketRoute(key: "$default", functionName: "Realtime"),
                WebSocketRoute(key: "subscribe", functionName: "Subscribe"),
                WebSocketRoute(key: "$connect", functionName: "Connect"),
            ])
        #expect(api.route(forMessage: #"{"action":"subscribe"}"#)?.key == "subscribe")
        #expect(api.route(forMessage: #"{"action":"unsubscribe"}"#)?.key == "$default")
        #expect(api.route(forMessage: #"{"action":"$connect"}"#)?.key == "$default")
        #expect(api.route(forMessage: #"{"action":1}"#)?.key == "$default")
        #expect(api.route(forMessage: "subscribe")?.key == "$default")
    }

    @Test func withoutADefaultRouteAnUnmatchedMessageHasNoRoute() {
        let api = WebSocketAPIDefinition(
            logicalID: "Api", routeSelectionExpression: "$request.body.action",
            routes: [WebSocketRoute(key: "subscribe", functionName: "Subscribe")])
        #expect(api.route(forMessage: #"{"action":"subscribe"}"#)?.key == "subscribe")
        #expect(api.route(forMessage: "{}") == nil)
    }
}
