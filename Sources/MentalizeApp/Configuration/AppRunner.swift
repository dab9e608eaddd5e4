public import Vapor

/// Runs a prepared application as an HTTP server until it is told to stop (SIGINT/SIGTERM).
public enum AppRunner {
    /// The environment the `mentalize` commands run in; Vapor's own command parsing is not used.
    public static var productionEnvironment: Environment { Environment(name: "production", arguments: ["mentalize"]) }

    public static func serve(_ app: Application, host: String, port: Int) async throws {
        app.environment.arguments = ["mentalize", "serve", "--hostname", host, "--port", String(port)]
        do {
            try await app.execute()
        } catch {
            try? await app.asyncShutdown()
            throw ConfigurationError("could not serve on \(host):\(port): is the port already in use?")
        }
        try await app.asyncShutdown()
    }
}
