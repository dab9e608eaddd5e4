public import Foundation

/// Turns command-line values and `MENTALIZE_*` / `DATABASE_URL` environment variables into an
/// ``AppConfiguration``. Flags win over the environment; the environment wins over defaults.
public struct ConfigurationResolver: Sendable {
    public static let defaultHost = "127.0.0.1"
    public static let defaultPort = 8080
    public static let defaultDataDirectory = "./mentalize-data"

    private let environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// Resolves the configuration; throws a ``ConfigurationError`` naming the bad value.
    public func resolve(host: String?, port: Int?, dataDirectory: String?, databaseURL: String?) throws -> AppConfiguration {
        let resolvedHost = host ?? environment["MENTALIZE_HOST"] ?? Self.defaultHost
        let resolvedPort = try port ?? environmentPort() ?? Self.defaultPort
        guard (1...65535).contains(resolvedPort) else {
            throw ConfigurationError("port \(resolvedPort) is out of range: use a number from 1 to 65535")
        }
        let dirPath = dataDirectory ?? environment["MENTALIZE_DATA_DIR"] ?? Self.defaultDataDirectory
        guard !dirPath.isEmpty else { throw ConfigurationError("the data directory is empty: give --data-dir DIR") }
        let directory = URL(fileURLWithPath: dirPath).standardizedFileURL
        let urlText = databaseURL ?? environment["MENTALIZE_DATABASE_URL"] ?? environment["DATABASE_URL"]
        let location = try Self.databaseLocation(from: urlText, dataDirectory: directory)
        let level = environment["MENTALIZE_LOG_LEVEL"] ?? "info"
        var configuration = AppConfiguration(host: resolvedHost, port: resolvedPort, dataDirectory: directory, database: location, logLevel: level)
        if let minutes = try positiveNumber("MENTALIZE_SESSION_IDLE_MINUTES") { configuration.sessionIdleSeconds = minutes * 60 }
        if let hours = try positiveNumber("MENTALIZE_SESSION_ABSOLUTE_HOURS") { configuration.sessionAbsoluteSeconds = hours * 3600 }
        if let days = try positiveNumber("MENTALIZE_MEASURE_OVERDUE_DAYS") { configuration.measureOverdueDays = Int(days) }
        if let days = try positiveNumber("MENTALIZE_MEASURE_EXPIRE_DAYS") { configuration.measureExpireDays = Int(days) }
        if let minutes = try positiveNumber("MENTALIZE_ALERT_ESCALATION_MINUTES") { configuration.alertEscalationSeconds = minutes * 60 }
        if let days = try positiveNumber("MENTALIZE_EMERGENCY_ACCESS_MIN_DAYS") { configuration.emergencyAccessMinimumDays = Int(days) }
        if let seconds = try positiveNumber("MENTALIZE_WRITE_WAIT_SECONDS") { configuration.writeWaitSeconds = max(1, Int(seconds)) }
        if let seconds = try positiveNumber("MENTALIZE_JOB_TICK_SECONDS") { configuration.jobTickSeconds = max(1, seconds) }
        if let hours = try positiveNumber("MENTALIZE_INVITATION_HOURS") { configuration.invitationLifetimeSeconds = hours * 3600 }
        if let hours = try positiveNumber("MENTALIZE_PASSWORD_RESET_HOURS") { configuration.passwordResetLifetimeSeconds = hours * 3600 }
        if let seconds = try positiveNumber("MENTALIZE_OUTBOX_POLL_SECONDS") { configuration.notifications.pollSeconds = seconds }
        configuration.notifications.smtpURL = nonEmpty("MENTALIZE_SMTP_URL")
        configuration.notifications.fromAddress = nonEmpty("MENTALIZE_SMTP_FROM")
        configuration.notifications.webhookURL = nonEmpty("MENTALIZE_NOTIFY_WEBHOOK")
        configuration.clockStart = try clockStart()
        return configuration
    }

    private func nonEmpty(_ name: String) -> String? {
        guard let text = environment[name], !text.isEmpty else { return nil }
        return text
    }

    /// `MENTALIZE_CLOCK_START`: the day the app should believe it is, for tests and demonstrations.
    public func clockStart() throws -> Date? {
        guard let text = environment["MENTALIZE_CLOCK_START"], !text.isEmpty else { return nil }
        return try AppClock.startInstant(text)
    }

    private func positiveNumber(_ name: String) throws -> Double? {
        guard let text = environment[name], !text.isEmpty else { return nil }
        guard let value = Double(text), value > 0, value <= 100_000 else {
            throw ConfigurationError("\(name) '\(text)' must be a positive number")
        }
        return value
    }

    private func environmentPort() throws -> Int? {
        guard let text = environment["MENTALIZE_PORT"], !text.isEmpty else { return nil }
        guard let value = Int(text) else {
            throw ConfigurationError("MENTALIZE_PORT '\(text)' is not a number: use a port from 1 to 65535")
        }
        return value
    }

    static func databaseLocation(from text: String?, dataDirectory: URL) throws -> AppConfiguration.DatabaseLocation {
        guard let text, !text.isEmpty else {
            return .sqlite(path: AppConfiguration.defaultSQLitePath(in: dataDirectory))
        }
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            return .postgres(url: text, searchPath: nil)
        }
        if text.hasPrefix("sqlite://") {
            let path = String(text.dropFirst("sqlite://".count))
            guard !path.isEmpty else { throw ConfigurationError("the sqlite:// database URL has no file path") }
            return .sqlite(path: path)
        }
        throw ConfigurationError("the database URL must start with postgres:// or sqlite:// (got '\(Self.redacted(text))')")
    }

    /// The URL with any password removed, safe to print.
    static func redacted(_ url: String) -> String {
        guard var parts = URLComponents(string: url) else { return "<unparseable URL>" }
        if parts.password != nil { parts.password = "***" }
        return parts.string ?? "<unparseable URL>"
    }
}
