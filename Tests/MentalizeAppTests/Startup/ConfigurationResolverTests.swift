import Foundation
@testable import MentalizeApp
import Testing
import VaporTesting

@Suite struct ConfigurationResolverTests {
    @Test func defaultsGiveSQLiteInTheDefaultDataDirectory() throws {
        let configuration = try ConfigurationResolver(environment: [:]).resolve(host: nil, port: nil, dataDirectory: nil, databaseURL: nil)
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 8080)
        #expect(configuration.dataDirectory.lastPathComponent == "mentalize-data")
        #expect(configuration.database == .sqlite(path: configuration.dataDirectory.appendingPathComponent("mentalize.sqlite").path))
    }

    @Test func theEnvironmentOverridesDefaultsAndFlagsOverrideTheEnvironment() throws {
        let environment = ["MENTALIZE_HOST": "0.0.0.0", "MENTALIZE_PORT": "9000", "MENTALIZE_DATA_DIR": "/srv/m", "DATABASE_URL": "postgres://u:p@db:5432/m"]
        let fromEnvironment = try ConfigurationResolver(environment: environment).resolve(host: nil, port: nil, dataDirectory: nil, databaseURL: nil)
        #expect(fromEnvironment.host == "0.0.0.0")
        #expect(fromEnvironment.port == 9000)
        #expect(fromEnvironment.dataDirectory.path == "/srv/m")
        #expect(fromEnvironment.database == .postgres(url: "postgres://u:p@db:5432/m", searchPath: nil))
        let fromFlags = try ConfigurationResolver(environment: environment).resolve(host: "127.0.0.2", port: 9001, dataDirectory: "/tmp/x", databaseURL: "sqlite:///tmp/x/other.sqlite")
        #expect(fromFlags.host == "127.0.0.2")
        #expect(fromFlags.port == 9001)
        #expect(fromFlags.database == .sqlite(path: "/tmp/x/other.sqlite"))
    }

    @Test(arguments: [
        (["MENTALIZE_PORT": "eighty"], "not a number"),
        (["MENTALIZE_PORT": "70000"], "out of range"),
        (["DATABASE_URL": "mysql://u:secret@h/d"], "must start with postgres://"),
        (["MENTALIZE_CLOCK_START": "christmas"], "not an ISO 8601 instant"),
        (["MENTALIZE_CLOCK_START": "+294000-01-01T00:00:00Z"], "not an ISO 8601 instant from 2000 to 9999"),
        (["MENTALIZE_CLOCK_START": "1999-12-31T23:59:59Z"], "from 2000 to 9999"),
    ])
    func badValuesAreNamedInOneLine(environment: [String: String], phrase: String) {
        let error = #expect(throws: ConfigurationError.self) {
            _ = try ConfigurationResolver(environment: environment).resolve(host: nil, port: nil, dataDirectory: nil, databaseURL: nil)
        }
        #expect(error?.message.contains(phrase) == true, "\(error?.message ?? "no error")")
        #expect(error?.message.contains("secret") == false)
    }

    @Test func theClockCanStartOnAChosenDayAndThenRuns() throws {
        let configuration = try ConfigurationResolver(environment: ["MENTALIZE_CLOCK_START": "2028-02-29T23:59:30Z", "MENTALIZE_WRITE_WAIT_SECONDS": "4"]).resolve(host: nil, port: nil, dataDirectory: nil, databaseURL: nil)
        let start = try #require(configuration.clockStart)
        let clock = AppClock(startingAt: start)
        #expect(abs(clock.now().timeIntervalSince(start)) < 5)
        #expect(configuration.writeWaitSeconds == 4)
        #expect(try ConfigurationResolver(environment: [:]).resolve(host: nil, port: nil, dataDirectory: nil, databaseURL: nil).clockStart == nil)
    }

    @Test func passwordsAreRedactedFromPrintedURLs() {
        #expect(ConfigurationResolver.redacted("postgres://me:s3cret@db:5432/x") == "postgres://me:***@db:5432/x")
        #expect(ConfigurationResolver.redacted("postgres://db/x") == "postgres://db/x")
    }
}

@Suite struct SessionConfigurationTests {
    @Test func sessionLimitsComeFromTheEnvironment() throws {
        let configuration = try ConfigurationResolver(environment: ["MENTALIZE_SESSION_IDLE_MINUTES": "10", "MENTALIZE_SESSION_ABSOLUTE_HOURS": "2"]).resolve(host: nil, port: nil, dataDirectory: nil, databaseURL: nil)
        #expect(configuration.sessionIdleSeconds == 600)
        #expect(configuration.sessionAbsoluteSeconds == 7200)
        #expect(throws: ConfigurationError.self) {
            _ = try ConfigurationResolver(environment: ["MENTALIZE_SESSION_IDLE_MINUTES": "-1"]).resolve(host: nil, port: nil, dataDirectory: nil, databaseURL: nil)
        }
    }

    @Test func aShorterConfiguredIdleLimitEndsSessionsSooner() async throws {
        let environment = try await TestEnvironment.make()
        var configuration = environment.configuration
        configuration.sessionIdleSeconds = 5 * 60
        var options = AppBootstrap.Options(seedDemo: true)
        options.passwordHashing = .fastForTests
        let app = try await AppBootstrap.makeApplication(configuration, environment: .testing, options: options).0
        do {
            let client = WebClient(app: app)
            try await client.signIn("patient.avery@demo.invalid", DemoSeed.password)
            app.clock.advance(by: 6 * 60)
            let status = try await client.get("/home").status
            #expect(status == .seeOther)
        } catch {
            Issue.record(error)
        }
        try await app.asyncShutdown()
        await environment.cleanUp()
    }
}
