import AWSSigning
import Postgres
import Testing

@testable import Core

@Suite struct ConfigurationTests {
    @Test func databaseURLIsParsed() throws {
        let settings = try DatabaseSettings(
            url: "postgres://app:s%40cret@db.example.com:6432/charts?sslmode=verify-full")
        #expect(settings.endpoint == .tcp(host: "db.example.com", port: 6432))
        #expect(settings.username == "app")
        #expect(settings.password == "s@cret")
        #expect(settings.database == "charts")
        #expect(settings.tlsMode == .verifyFull)
    }

    /// Each part is decoded once: `%25` is a percent sign in the password, not the start of another escape.
    @Test func databaseURLPartsAreDecodedExactlyOnce() throws {
        let settings = try DatabaseSettings(url: "postgres://app%2Bro:100%25%2541@db.example.com/my%20charts")
        #expect(settings.username == "app+ro")
        #expect(settings.password == "100%%41")
        #expect(settings.database == "my charts")
    }

    @Test func libpqVariablesAreRead() throws {
        let settings = try DatabaseSettings(
            environment: EnvironmentVariables([
                "PGHOST": "proxy.example.com", "PGPORT": "5433", "PGUSER": "app", "PGPASSWORD": "pw",
                "PGDATABASE": "chronoview", "PGSSLMODE": "require", "DATABASE_POOL_SIZE": "2",
            ]))
        #expect(settings.endpoint == .tcp(host: "proxy.example.com", port: 5433))
        #expect(settings.tlsMode == .require)
        #expect(settings.poolSize == 2)
    }

    /// An API function's environment on AWS: the proxy, the application role, IAM sign-in.
    static let iamFunction = [
        "PGHOST": "chronoview-proxy.proxy-abc.eu-west-1.rds.amazonaws.com", "PGUSER": "chronoview_app",
        "PGDATABASE": "chronoview", "PGSSLMODE": "verify-full", "DATABASE_AUTH": "iam", "AWS_REGION": "eu-west-1",
        "AWS_ACCESS_KEY_ID": "ASIAEXAMPLE", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_SESSION_TOKEN": "token",
    ]

    @Test func iamSignInUsesTheFunctionsCredentialsAndNoPassword() throws {
        var environment = Self.iamFunction
        environment["PGPASSWORD"] = "ignored"
        let settings = try DatabaseSettings(environment: EnvironmentVariables(environment))
        #expect(settings.username == "chronoview_app")
        #expect(settings.iamAuthentication?.region == "eu-west-1")
        #expect(settings.iamAuthentication?.credentials.accessKeyID == "ASIAEXAMPLE")
        #expect(settings.iamAuthentication?.credentials.sessionToken == "token")
        let password = try #require(try DatabasePassword(settings: settings).make())
        #expect(password.hasPrefix("chronoview-proxy.proxy-abc.eu-west-1.rds.amazonaws.com:5432/?Action=connect"))
        #expect(password.contains("DBUser=chronoview_app") && !password.contains("ignored"))
        #expect(DatabasePassword.tokenLifetime < .seconds(15 * 60))
    }

    @Test func sessionsAreNamedAfterPGAPPNAMETheURLOrTheFunction() throws {
        let function = ["DATABASE_URL": "postgres://app@db/x", "AWS_LAMBDA_FUNCTION_NAME": "chronoview-Charts"]
        #expect(
            try DatabaseSettings(environment: EnvironmentVariables(function)).applicationName == "chronoview-Charts")
        var named = function
        named["DATABASE_URL"] = "postgres://app@db/x?application_name=from-url"
        #expect(try DatabaseSettings(environment: EnvironmentVariables(named)).applicationName == "from-url")
        named["PGAPPNAME"] = "from-pgappname"
        #expect(try DatabaseSettings(environment: EnvironmentVariables(named)).applicationName == "from-pgappname")
        let bare = try DatabaseSettings(environment: EnvironmentVariables(["DATABASE_URL": "postgres://app@db/x"]))
        #expect(bare.applicationName == nil)
    }

    @Test(arguments: [
        ([String: String](), "DATABASE_URL"),
        (["DATABASE_URL": "mysql://x@y/z"], "DATABASE_URL"),
        (["DATABASE_URL": "postgres://app@db/x?sslmode=sometimes"], "DATABASE_URL"),
        (["PGHOST": "db", "PGUSER": "app", "PGPORT": "port"], "PGPORT"),
        (["PGHOST": "db"], "PGUSER"),
        (["DATABASE_URL": "postgres://app@db/x", "DATABASE_POOL_SIZE": "0"], "DATABASE_POOL_SIZE"),
        (Self.iamFunction.merging(["DATABASE_AUTH": "kerberos"]) { $1 }, "DATABASE_AUTH"),
        (Self.iamFunction.filter { $0.key != "AWS_REGION" }, "AWS_REGION"),
        (Self.iamFunction.filter { $0.key != "AWS_SECRET_ACCESS_KEY" }, "AWS_ACCESS_KEY_ID"),
        (Self.iamFunction.merging(["PGSSLMODE": "require"]) { $1 }, "PGSSLMODE"),
    ])
    func badDatabaseSettingsNameTheVariable(environment: [String: String], variable: String) {
        #expect(throws: ConfigurationError.self) {
            try DatabaseSettings(environment: EnvironmentVariables(environment))
        }
        do {
            _ = try DatabaseSettings(environment: EnvironmentVariables(environment))
        } catch {
            #expect(error.variable == variable)
        }
    }

    @Test func shortOrMissingJWTSecretIsRefused() {
        do {
            _ = try TokenSettings(environment: EnvironmentVariables(["JWT_SECRET": "too-short"]))
            Issue.record("a short secret was accepted")
        } catch {
            #expect(error.variable == "JWT_SECRET")
            #expect(!error.description.contains("too-short"), "the message never repeats the secret")
        }
        #expect(throws: ConfigurationError.self) { try TokenSettings(environment: EnvironmentVariables([:])) }
    }

    @Test func keyIDsAreStableAndDoNotRevealTheSecret() throws {
        let secret = String(repeating: "k", count: 32)
        let first = try TokenSettings(environment: EnvironmentVariables(["JWT_SECRET": secret]))
        let second = try TokenSettings(environment: EnvironmentVariables(["JWT_SECRET": secret]))
        #expect(first.keys.signingKeyID == second.keys.signingKeyID)
        #expect(first.keys.signingKeyID?.contains("kkkk") == false)
    }
}
