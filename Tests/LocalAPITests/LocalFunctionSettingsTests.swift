import Foundation
import LocalHarness
import Testing

@Suite struct LocalFunctionSettingsTests {
    static let login = TemplateFunction(
        logicalID: "LoginFunction",
        name: "Login",
        timeout: .seconds(10),
        memorySizeMB: 1769,
        environment: ["PGHOST": "proxy", "PGSSLMODE": "verify-full", "BCRYPT_COST": "12", "JWT_AUDIENCE": "api"],
        deployedOnlyEnvironment: ["DATABASE_SECRET_ARN": "!GetAtt Database.MasterUserSecret.SecretArn"]
    )

    @Test func layersTemplateLocalAndOverriddenEnvironments() throws {
        let overrides = try EnvironmentOverrides(
            json: Data(
                #"{"Parameters": {"LOG": "debug", "BCRYPT_COST": 6}, "LoginFunction": {"BCRYPT_COST": "4"}, "Me": {"X": "y"}}"#
                    .utf8))
        let settings = LocalFunctionSettings(
            buildPath: "/repo/.build/debug/",
            localEnvironment: ["DATABASE_URL": "postgres://localhost/db", "JWT_SECRET": "s"],
            overrides: overrides,
            maximumEnvironments: 2
        )
        let definition = settings.definition(for: Self.login)
        #expect(definition.name == "Login")
        #expect(definition.executablePath == "/repo/.build/debug/Login")
        #expect(definition.timeout == .seconds(10))
        #expect(definition.memorySizeMB == 1769)
        #expect(definition.maximumEnvironments == 2)
        #expect(
            definition.environment == [
                "DATABASE_URL": "postgres://localhost/db", "JWT_SECRET": "s", "BCRYPT_COST": "4", "LOG": "debug",
                "JWT_AUDIENCE": "api",
            ])
    }

    @Test func keepsTheTemplatesDatabaseSettingsWithoutALocalURL() {
        let definition = LocalFunctionSettings(buildPath: "/b").definition(for: Self.login)
        #expect(definition.environment["PGHOST"] == "proxy")
        #expect(definition.environment["DATABASE_SECRET_ARN"] == nil)
    }

    @Test func aFunctionSectionByNameAppliesToo() throws {
        let overrides = try EnvironmentOverrides(json: Data(#"{"Login": {"A": "1"}}"#.utf8))
        #expect(overrides.variables(for: Self.login) == ["A": "1"])
    }

    @Test(arguments: [#"[1]"#, #"{"Parameters": [1]}"#, #"{"F": {"A": {"b": 1}}}"#, "nope"])
    func rejectsAMalformedEnvironmentFile(_ json: String) {
        #expect(throws: TemplateError.self) { try EnvironmentOverrides(json: Data(json.utf8)) }
    }
}
