import Core
import Foundation
import LocalHarness
import Logging
import NIOPosix
import TestSupport
import Testing

/// template.yaml is the one list of routes: each function's Swift route table must hold exactly
/// the route keys of its template events, or a request API Gateway routes to it is a silent 404.
@Suite struct RouteTableTests {
    static let templatePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("template.yaml").path

    /// Services over a database that is never connected to: building a route table touches none.
    static func services() async throws -> ChronoViewServices {
        let settings = try ChronoViewSettings(
            environment: EnvironmentVariables([
                "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none", "JWT_SECRET": FunctionProcesses.jwtSecret,
            ]))
        let database = try Database(
            settings: settings.database, timeout: .seconds(1), eventLoopGroup: MultiThreadedEventLoopGroup.singleton,
            waitingOn: DatabaseWaits.threadPool, logger: FunctionProcesses.quietLogger)
        return await ChronoViewServices(settings: settings, database: database)
    }

    @Test func everyFunctionServesExactlyTheRoutesOfItsTemplateEvents() async throws {
        let template = try ServerlessTemplate(contentsOfFile: Self.templatePath)
        let services = try await Self.services()
        for function in APIFunction.allCases {
            let declared = Set(template.routes.routes.filter { $0.functionName == function.rawValue }.map(\.key))
            let served = Set(function.routes(services).keys)
            #expect(!declared.isEmpty, "template.yaml routes nothing to \(function.rawValue)")
            #expect(
                served == declared,
                """
                \(function.rawValue) serves \(served.subtracting(declared).sorted()) that template.yaml does not \
                route to it, and not \(declared.subtracting(served).sorted()) that it does
                """)
        }
    }

    /// The only routed function without a table of its own is the catch-all's, which answers 404
    /// under `/api/` and for `/api` itself.
    @Test func everyRoutedFunctionHasARouteTableButTheCatchAll() throws {
        let template = try ServerlessTemplate(contentsOfFile: Self.templatePath)
        let tables = Set(APIFunction.allCases.map(\.rawValue))
        let others = template.routes.routes.filter { !tables.contains($0.functionName) }
        #expect(Set(others.map(\.key)) == ["ANY /api/{proxy+}", "ANY /api"])
        #expect(others.allSatisfy { $0.functionName == "NotFound" })
    }
}
