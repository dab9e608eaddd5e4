import Foundation
@testable import MentalizeApp
import Testing

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
    ])
    func badValuesAreNamedInOneLine(environment: [String: String], phrase: String) {
        let error = #expect(throws: ConfigurationError.self) {
            _ = try ConfigurationResolver(environment: environment).resolve(host: nil, port: nil, dataDirectory: nil, databaseURL: nil)
        }
        #expect(error?.message.contains(phrase) == true, "\(error?.message ?? "no error")")
        #expect(error?.message.contains("secret") == false)
    }

    @Test func passwordsAreRedactedFromPrintedURLs() {
        #expect(ConfigurationResolver.redacted("postgres://me:s3cret@db:5432/x") == "postgres://me:***@db:5432/x")
        #expect(ConfigurationResolver.redacted("postgres://db/x") == "postgres://db/x")
    }
}
