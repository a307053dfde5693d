import LocalHarness
import Testing

/// template.yaml, openapi.yaml and the function targets under Sources/Functions must describe
/// the same API: a route missing from one of them is a route that is undocumented, unserved,
/// or served by code that does not exist.
@Suite struct RouteTests {
    /// The routes the OpenAPI document leaves out: API Gateway's catch-all, which answers a
    /// problem+json 404 for every unknown path under /api/, and the bare `/api`, which its
    /// greedy variable cannot match. OpenAPI can name neither "any method" nor a greedy path
    /// parameter, so openapi.yaml describes them in prose instead.
    static let catchAlls = [Route("ANY", "/api/{proxy+}"), Route("ANY", "/api")]
    static let catchAllFunction = "NotFoundFunction"

    @Test func templateAndOpenAPIListTheSameRoutes() throws {
        let template = try SAMTemplate.load()
        let openAPI = try OpenAPIDocument.load()
        let deployed = Set(template.httpRoutes.map(\.route)).subtracting(Self.catchAlls)
        let documented = Set(openAPI.operations.map(\.route))

        #expect(!deployed.isEmpty, "template.yaml declares no HttpApi routes")
        let undocumented = deployed.subtracting(documented).sorted()
        let unserved = documented.subtracting(deployed).sorted()
        #expect(undocumented.isEmpty, "routes of template.yaml missing from openapi.yaml: \(undocumented)")
        #expect(unserved.isEmpty, "routes of openapi.yaml that no function in template.yaml serves: \(unserved)")
    }

    @Test func onlyTheCatchAllRoutesAreLeftOutOfOpenAPI() throws {
        let template = try SAMTemplate.load()
        let openAPI = try OpenAPIDocument.load()

        let catchAlls = template.httpRoutes.filter { $0.route.method == "ANY" || $0.route.path.contains("+}") }
        #expect(catchAlls.map(\.route) == Self.catchAlls, "template.yaml must have exactly these catch-all routes")
        #expect(catchAlls.allSatisfy { $0.function == Self.catchAllFunction })

        let greedy = openAPI.operations.map(\.route).filter { $0.path.contains("+}") }
        #expect(greedy.isEmpty, "openapi.yaml documents a catch-all route as an operation: \(greedy)")
    }

    @Test func noRouteIsServedTwice() throws {
        let routes = try SAMTemplate.load().httpRoutes.map(\.route)
        let repeated = Dictionary(grouping: routes, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        #expect(repeated.isEmpty, "routes declared by more than one event: \(repeated)")
    }

    @Test func everyRouteIsServedByAFunctionTargetOnDisk() throws {
        let template = try SAMTemplate.load()
        let targets = SAMTemplate.functionTargetsOnDisk()
        for (route, function, _) in template.httpRoutes {
            let target = SAMTemplate.targetName(ofFunction: function)
            #expect(target != nil, "\(route) is served by \(function), which is not named <Target>Function")
            if let target {
                #expect(
                    targets.contains(target),
                    "\(route) is served by \(function), but Sources/Functions/\(target) does not exist")
            }
        }
    }

    @Test func everyFunctionTargetIsDeployedAndEveryDeployedFunctionHasATarget() throws {
        let template = try SAMTemplate.load()
        let deployed = Set(template.functions.keys.compactMap(SAMTemplate.targetName))
        let onDisk = SAMTemplate.functionTargetsOnDisk()

        #expect(!onDisk.isEmpty, "there are no function targets under Sources/Functions")
        let misnamed = template.functions.keys.filter { SAMTemplate.targetName(ofFunction: $0) == nil }.sorted()
        #expect(misnamed.isEmpty, "functions whose logical id is not <Target>Function: \(misnamed)")
        #expect(
            onDisk.subtracting(deployed).isEmpty,
            "targets under Sources/Functions with no function in template.yaml: \(onDisk.subtracting(deployed).sorted())"
        )
        #expect(
            deployed.subtracting(onDisk).isEmpty,
            "functions in template.yaml with no target under Sources/Functions: \(deployed.subtracting(onDisk).sorted())"
        )
    }

    /// The one route outside /api/, where RFC 8615 puts it (API.md 1.1).
    static let keySetPath = "/.well-known/jwks.json"

    /// Events that are not routes: Ingest reads the candles queue, MarketFeed runs on a schedule.
    static let nonHTTPEventTypes: Set = ["SQS", "ScheduleV2"]

    /// The local gateway builds its routes by reading template.yaml with a plain YAML parser,
    /// so a route must be written out, not computed by an intrinsic function.
    @Test func routesAreLiteralUnderAPIOnTheOneHTTPAPI() throws {
        let template = try SAMTemplate.load()
        let httpAPIs = template.resources(ofType: "AWS::Serverless::HttpApi")
        #expect(httpAPIs.count == 1, "expected one AWS::Serverless::HttpApi, found \(httpAPIs.keys.sorted())")

        for (id, function) in template.functions {
            for (name, event) in function[path: "Properties", "Events"]?.members ?? [:] {
                let place = "\(id).Events.\(name)"
                let type = event["Type"]?.scalar
                if let type, Self.nonHTTPEventTypes.contains(type) { continue }
                #expect(type == "HttpApi", "\(place) is not an HttpApi event")
                let properties = event["Properties"]
                let method = properties?["Method"]
                let path = properties?["Path"]
                #expect(method?.scalar != nil, "\(place).Method is not a literal: \(String(describing: method))")
                #expect(path?.scalar != nil, "\(place).Path is not a literal: \(String(describing: path))")
                #expect(
                    path?.scalar?.hasPrefix("/api/") == true || path?.scalar == "/api"
                        || path?.scalar == Self.keySetPath,
                    "\(place) is neither /api, under /api/, nor the key set")
                let api = properties?["ApiId"]?.referenced
                #expect(api.map { httpAPIs[$0] != nil } == true, "\(place).ApiId is not !Ref of the HttpApi")
            }
        }
    }
}
