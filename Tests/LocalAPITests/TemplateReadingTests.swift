import Foundation
import LocalHarness
import Testing

@Suite struct TemplateReadingTests {
    /// The shape of the project's template: globals, a CORS origin list from a parameter,
    /// functions named by their CodeUri, and values that only a deployment has.
    static let template = """
        AWSTemplateFormatVersion: "2010-09-09"
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Stage:
            Type: String
            Default: dev
          AllowedOrigins:
            Type: CommaDelimitedList
            Default: "http://localhost:5173, https://app.example.com"
          LayerArn:
            Type: String
            Default: ""
        Conditions:
          HasLayer: !Not [!Equals [!Ref LayerArn, ""]]
          IsProd: !Equals [!Ref Stage, prod]
        Globals:
          Function:
            Timeout: 10
            MemorySize: 256
            Layers:
              - !If [HasLayer, !Ref LayerArn, !Ref "AWS::NoValue"]
            Environment:
              Variables:
                PGHOST: !GetAtt DatabaseProxy.Endpoint
                PGPORT: "5432"
                JWT_ISSUER: !Sub chronoview/${Stage}/${AWS::StackName}
                MODE: !If [IsProd, strict, relaxed]
        Resources:
          DatabaseProxy:
            Type: AWS::RDS::DBProxy
          HttpApi:
            Type: AWS::Serverless::HttpApi
            Properties:
              StageName: $default
              CorsConfiguration:
                AllowOrigins: !Ref AllowedOrigins
                AllowMethods: [GET, POST, PATCH, DELETE, OPTIONS]
                AllowHeaders: [authorization, content-type]
                ExposeHeaders: [etag, location]
                AllowCredentials: false
                MaxAge: 600
          ChartsFunction:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: .build/lambda/Charts/
              Handler: bootstrap
              MemorySize: 512
              Environment:
                Variables:
                  DATABASE_SECRET_ARN: !GetAtt DatabaseProxy.Arn
                  MODE: chart-mode
              Events:
                List:
                  Type: HttpApi
                  Properties: {ApiId: !Ref HttpApi, Path: /api/charts, Method: get}
                Get:
                  Type: HttpApi
                  Properties:
                    ApiId: !Ref HttpApi
                    Path: /api/charts/{id}
                    Method: GET
                    PayloadFormatVersion: "2.0"
                    TimeoutInMillis: 5000
          NotFoundFunction:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: .build/lambda/NotFound/
              Timeout: 3
              Events:
                CatchAll:
                  Type: HttpApi
                  Properties: {ApiId: !Ref HttpApi, Path: "/api/{proxy+}", Method: ANY}
          MigrateFunction:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: .build/lambda/Migrate/
              Timeout: 300
        """

    @Test func readsFunctionsWithTheirSettingsAndGlobals() throws {
        let template = try ServerlessTemplate(yaml: Self.template)
        #expect(template.functions.map(\.name) == ["Charts", "Migrate", "NotFound"])
        let charts = try #require(template.function(named: "Charts"))
        #expect(charts.logicalID == "ChartsFunction")
        #expect(charts.timeout == .seconds(10))
        #expect(charts.memorySizeMB == 512)
        #expect(
            charts.environment == [
                "PGPORT": "5432", "JWT_ISSUER": "chronoview/dev/chronoview-local", "MODE": "chart-mode",
            ])
        #expect(
            charts.deployedOnlyEnvironment == [
                "PGHOST": "!GetAtt DatabaseProxy.Endpoint", "DATABASE_SECRET_ARN": "!GetAtt DatabaseProxy.Arn",
            ])
        let notFound = try #require(template.function(named: "NotFound"))
        #expect(notFound.timeout == .seconds(3))
        #expect(notFound.memorySizeMB == 256)
        #expect(notFound.environment["MODE"] == "relaxed")
        #expect(try #require(template.function(named: "Migrate")).timeout == .seconds(300))
    }

    @Test func readsRoutesFromHttpApiEvents() throws {
        let template = try ServerlessTemplate(yaml: Self.template)
        let routes = template.routes.routes.sorted { $0.key < $1.key }
        #expect(routes.map(\.key) == ["ANY /api/{proxy+}", "GET /api/charts", "GET /api/charts/{id}"])
        #expect(routes.map(\.functionName) == ["NotFound", "Charts", "Charts"])
        #expect(routes[2].integrationTimeout == .milliseconds(5000))
        #expect(routes[1].integrationTimeout == .seconds(30))
    }

    @Test func resolvesCORSFromTheParameterDefault() throws {
        let cors = try #require(try ServerlessTemplate(yaml: Self.template).cors)
        #expect(cors.allowOrigins == ["http://localhost:5173", "https://app.example.com"])
        #expect(cors.allowMethods == ["GET", "POST", "PATCH", "DELETE", "OPTIONS"])
        #expect(cors.allowHeaders == ["authorization", "content-type"])
        #expect(cors.exposeHeaders == ["etag", "location"])
        #expect(cors.maxAge == 600)
        #expect(cors.allowCredentials == false)
    }

    @Test func anEventWithoutPathAndMethodIsTheDefaultRoute() throws {
        let template = try ServerlessTemplate(
            yaml: """
                Resources:
                  EverythingFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: build/Everything
                      Events:
                        All: {Type: HttpApi}
                        Queue: {Type: SQS, Properties: {Queue: arn}}
                """)
        #expect(template.routes.routes.map(\.key) == ["$default"])
        #expect(template.cors == nil)
        #expect(template.warnings.count == 1)
        #expect(template.warnings.first?.contains("SQS") == true)
    }

    @Test func readsLongFormIntrinsicsAndCorsTrue() throws {
        let template = try ServerlessTemplate(
            yaml: """
                {"Parameters": {"Origin": {"Type": "String", "Default": "https://a.example"}},
                 "Globals": {"HttpApi": {"CorsConfiguration": true}},
                 "Resources": {"PingFunction": {"Type": "AWS::Serverless::Function", "Properties": {
                   "Environment": {"Variables": {"ORIGIN": {"Ref": "Origin"},
                                                 "JOINED": {"Fn::Join": ["-", ["a", {"Ref": "Origin"}]]}}},
                   "Events": {"Ping": {"Type": "HttpApi", "Properties": {"Path": "/ping", "Method": "GET"}}}}}}}
                """)
        let ping = try #require(template.function(named: "Ping"))
        #expect(ping.environment == ["ORIGIN": "https://a.example", "JOINED": "a-https://a.example"])
        #expect(template.cors?.allowOrigins == ["*"])
    }

    @Test(arguments: [
        ("Resources: [unclosed", "not valid YAML"),
        ("Description: nothing", "no Resources"),
        (
            "Resources: {F: {Type: AWS::Serverless::Function, Properties: {Events: {E: {Type: HttpApi, Properties: {Path: api/x, Method: GET}}}}}}",
            "must start with /"
        ),
        (
            "Resources: {F: {Type: AWS::Serverless::Function, Properties: {Events: {E: {Type: HttpApi, Properties: {Path: '/{proxy+}/x', Method: GET}}}}}}",
            "greedy variable must end"
        ),
        (
            "Resources: {F: {Type: AWS::Serverless::Function, Properties: {Events: {E: {Type: HttpApi, Properties: {Path: /x, Method: FETCH}}}}}}",
            "Method FETCH"
        ),
        (
            "Resources: {F: {Type: AWS::Serverless::Function, Properties: {Events: {A: {Type: HttpApi, Properties: {Path: /x, Method: GET}}, B: {Type: HttpApi, Properties: {Path: /x, Method: get}}}}}}",
            "two routes are declared as GET /x"
        ),
        (
            "Resources: {F: {Type: AWS::Serverless::Function, Properties: {Timeout: !Ref Missing}}}",
            "!Ref Missing names neither a parameter nor a resource"
        ),
        (
            "Resources: {F: {Type: AWS::Serverless::Function, Properties: {Timeout: ten}}}",
            "expected a whole number"
        ),
        (
            "Resources: {F: {Type: AWS::Serverless::Function, Properties: {Events: {E: {Type: HttpApi, Properties: {Path: /x, Method: GET, PayloadFormatVersion: '1.0'}}}}}}",
            "payload format 1.0"
        ),
        (
            "Resources: {F: {Type: AWS::Serverless::Function, Properties: {Events: {E: {Type: HttpApi, Properties: {ApiId: !Ref Q, Path: /x, Method: GET}}}}}, Q: {Type: AWS::SQS::Queue}}",
            "not an AWS::Serverless::HttpApi"
        ),
    ])
    func rejectsAMalformedTemplateWithAClearMessage(_ yaml: String, _ expected: String) {
        #expect {
            try ServerlessTemplate(yaml: yaml)
        } throws: { error in
            "\(error)".contains(expected)
        }
    }

    @Test func errorsNameTheirPlaceInTheTemplate() {
        #expect {
            try ServerlessTemplate(
                yaml: """
                    Resources:
                      F:
                        Type: AWS::Serverless::Function
                        Properties:
                          Events:
                            Bad: {Type: HttpApi, Properties: {Path: /a//b, Method: GET}}
                    """)
        } throws: { error in
            (error as? TemplateError)?.location == "Resources.F.Properties.Events.Bad.Properties.Path"
        }
    }

    /// The repository's own template, when present: every route must resolve to a function it declares.
    @Test func readsTheRepositoryTemplate() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("template.yaml").path
        try #require(FileManager.default.fileExists(atPath: path), "template.yaml is missing")
        let template = try ServerlessTemplate(contentsOfFile: path)
        let names = Set(template.functions.map(\.name))
        for route in template.routes.routes {
            #expect(names.contains(route.functionName), "\(route.key) → \(route.functionName)")
        }
        #expect(template.routes.match(method: "GET", rawPath: "/api/nothing-here")?.route.key == "ANY /api/{proxy+}")
        #expect(template.routes.match(method: "GET", rawPath: "/api/health")?.route.key == "GET /api/health")
        #expect(template.cors?.allowOrigins.isEmpty == false)
        #expect(template.routeThrottling != nil, "DefaultRouteSettings throttling is what production enforces")
        #expect(names.contains("Migrate"))
    }

    @Test func readsRouteThrottlingFromTheAPIOrItsGlobals() throws {
        func template(globals: String, api: String) -> String {
            """
            Globals:
              HttpApi: {\(globals)}
            Resources:
              Api: {Type: AWS::Serverless::HttpApi, Properties: {\(api)}}
              F:
                Type: AWS::Serverless::Function
                Properties: {Events: {E: {Type: HttpApi, Properties: {ApiId: !Ref Api, Path: /x, Method: GET}}}}
            """
        }
        let own = try ServerlessTemplate(
            yaml: template(
                globals: "DefaultRouteSettings: {ThrottlingBurstLimit: 9}",
                api: "DefaultRouteSettings: {ThrottlingBurstLimit: 20, ThrottlingRateLimit: 2.5}"))
        #expect(own.routeThrottling == RouteThrottling(burstLimit: 20, rateLimit: 2.5))
        let global = try ServerlessTemplate(
            yaml: template(globals: "DefaultRouteSettings: {ThrottlingRateLimit: 7}", api: "StageName: x"))
        #expect(global.routeThrottling?.rateLimit == 7)
        #expect(try ServerlessTemplate(yaml: template(globals: "", api: "StageName: x")).routeThrottling == nil)
        #expect {
            try ServerlessTemplate(
                yaml: template(globals: "", api: "DefaultRouteSettings: {ThrottlingRateLimit: lots}"))
        } throws: { error in
            "\(error)".contains("ThrottlingRateLimit")
        }
    }
}
