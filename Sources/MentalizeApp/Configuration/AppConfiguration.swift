public import Foundation

/// Everything the server needs to start, resolved once from flags, environment and defaults.
public struct AppConfiguration: Sendable {
    /// Where patient data is stored.
    public enum DatabaseLocation: Sendable, Equatable {
        /// An SQLite file (the default: no set-up needed).
        case sqlite(path: String)
        /// A PostgreSQL server, given as a `postgres://` URL.
        case postgres(url: String, searchPath: String?)
    }

    public var host: String
    public var port: Int
    public var dataDirectory: URL
    public var database: DatabaseLocation
    public var logLevel: String
    /// Session idle and absolute limits in seconds (30 min and 12 h unless configured).
    public var sessionIdleSeconds: TimeInterval = 30 * 60
    public var sessionAbsoluteSeconds: TimeInterval = 12 * 60 * 60
    /// An assigned measure is overdue after this many days and no longer offered after the second.
    public var measureOverdueDays: Int = 7
    public var measureExpireDays: Int = 28
    /// An unacknowledged risk alert goes to the programme lead after this long (60 min by default).
    public var alertEscalationSeconds: TimeInterval = 60 * 60
    /// Emergency access is refused until an account has held its approved clinical role this many
    /// days (`MENTALIZE_EMERGENCY_ACCESS_MIN_DAYS`).
    public var emergencyAccessMinimumDays: Int = 7
    /// How long an SQLite write waits behind other writes before the person is told to try again
    /// (`MENTALIZE_WRITE_WAIT_SECONDS`).
    public var writeWaitSeconds: Int = 15
    /// How often each node offers the background jobs (alert escalation, assignment catch-up) a
    /// run (`MENTALIZE_JOB_TICK_SECONDS`); each job still runs once per its own interval.
    public var jobTickSeconds: TimeInterval = 30
    /// The instant the app's clock reads at start (`MENTALIZE_CLOCK_START`); nil runs on the system clock.
    public var clockStart: Date?
    /// How notifications leave the installation (`serve --smtp-url`, `--notify-webhook`).
    public var notifications = NotificationOptions()
    /// How the server is reached: directly over TLS, behind a reverse proxy, or on loopback only.
    public var serving = ServingOptions()
    /// How long a portal invitation link stays valid (`MENTALIZE_INVITATION_HOURS`, 72 by default).
    public var invitationLifetimeSeconds: TimeInterval = 72 * 3600
    /// How long a password-reset link stays valid (`MENTALIZE_PASSWORD_RESET_HOURS`, 2 by default).
    public var passwordResetLifetimeSeconds: TimeInterval = 2 * 3600
    /// The Mentalize web address people use (for links in printed output).
    public var publicURL: String {
        let scheme = serving.tls == nil ? "http" : "https"
        return "\(scheme)://\(host == "0.0.0.0" ? "127.0.0.1" : host):\(port)"
    }

    public init(host: String, port: Int, dataDirectory: URL, database: DatabaseLocation, logLevel: String = "info") {
        self.host = host
        self.port = port
        self.dataDirectory = dataDirectory
        self.database = database
        self.logLevel = logLevel
    }

    /// The SQLite file used when no database URL is given.
    public static func defaultSQLitePath(in dataDirectory: URL) -> String {
        dataDirectory.appendingPathComponent("mentalize.sqlite").path
    }
}
