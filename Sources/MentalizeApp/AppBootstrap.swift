import Crypto
import Fluent
import Foundation
import MentalizeCore
import SQLKit
public import Vapor

/// Builds a ready-to-serve application: registers the database, runs every start-up check, and only
/// then writes anything (WAL mode, the secret key, migrations, demo data). A failed check shuts the
/// application down and throws a one-line ``ConfigurationError``.
public enum AppBootstrap {
    /// What start-up changed, for the commands to report.
    public struct Report: Sendable {
        public var migrationsRun: [String] = []
        public var createdSecretKey = false
        public var seededDemo = false
    }

    /// What start-up should do beyond the checks.
    public struct Options: Sendable {
        public var migrate: Bool
        public var seedDemo: Bool
        /// With the demo: the two-year synthetic cohort behind the lead's outcome figures (`serve --demo`, `demo`).
        public var demoCohort: Bool
        /// scrypt cost; only tests choose cheaper parameters.
        var passwordHashing: PasswordHasher.Parameters = .standard

        public init(migrate: Bool = true, seedDemo: Bool = false, demoCohort: Bool = false) {
            self.migrate = migrate
            self.seedDemo = seedDemo
            self.demoCohort = demoCohort
        }
    }

    public static func makeApplication(
        _ configuration: AppConfiguration,
        environment: Environment,
        options: Options = .init()
    ) async throws -> (Application, Report) {
        let app = try await Application.make(environment)
        do {
            let report = try await prepare(app, configuration, options)
            return (app, report)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    private static func prepare(_ app: Application, _ configuration: AppConfiguration, _ options: Options) async throws -> Report {
        var report = Report()
        app.storage[AppClockKey.self] = AppClock(startingAt: configuration.clockStart)
        umask(0o077) // the database, its WAL and the key are readable by this user only
        let dataDirectory = DataDirectory(url: configuration.dataDirectory)
        if case .sqlite(let path) = configuration.database {
            try dataDirectory.prepare()
            try DataDirectory(url: URL(fileURLWithPath: path).deletingLastPathComponent()).prepare()
        }
        try DatabaseRegistration.register(configuration.database, writeWait: .seconds(configuration.writeWaitSeconds), on: app)
        let inspector = try DatabaseInspector(app.db)
        try await checkReachable(inspector, configuration)
        try dataDirectory.prepare()

        let applied = try await inspector.appliedMigrations()
        let unknown = Set(applied).subtracting(MigrationCatalog.names)
        guard unknown.isEmpty else {
            throw ConfigurationError("the database was written by a newer version of Mentalize (unknown migrations: \(unknown.sorted().joined(separator: ", "))): upgrade this binary before starting it")
        }
        let keyExisted = FileManager.default.fileExists(atPath: dataDirectory.secretKeyFile.path)
        let key = try SecretKeyStore(file: dataDirectory.secretKeyFile).loadOrCreate(mayCreate: applied.isEmpty)
        report.createdSecretKey = !keyExisted
        let fingerprint = SecretKeyStore.fingerprint(of: key)
        if let recorded = try await inspector.recordedKeyFingerprint(), recorded != fingerprint {
            throw ConfigurationError("the secret key in \(dataDirectory.secretKeyFile.path) does not belong to this database: use the key file this database was created with")
        }
        if inspector.isSQLite {
            try await SQLiteDurability.enforce(on: app)
        }

        app.passwordHasher = PasswordHasher(parameters: options.passwordHashing)
        app.storage[AuditLogKey.self] = AuditLog(database: app.db, clock: app.clock)
        let catalog = try InstrumentCatalogLoader.load()
        app.storage[MeasurementSettingsKey.self] = MeasurementSettings(
            catalog: catalog,
            window: AssignmentWindow(overdueAfterDays: configuration.measureOverdueDays, expireAfterDays: configuration.measureExpireDays)
        )
        app.storage[AlertSettingsKey.self] = AlertSettings(
            escalation: AlertEscalationRule(after: configuration.alertEscalationSeconds),
            instrumentTitle: { catalog.definition(id: $0)?.title },
            ruleDescription: { instrumentID, ruleID in catalog.definition(id: instrumentID)?.riskRules.first { $0.id == ruleID }?.description }
        )
        do {
            app.storage[PsychoeducationLibraryKey.self] = try PsychoeducationLibraries.loadBundled()
        } catch let error as PsychoeducationError {
            throw ConfigurationError(error.description.replacingOccurrences(of: "\n", with: " "))
        }
        app.notificationSettings = NotificationSettings(smtpURL: configuration.notifications.smtpURL, fromAddress: configuration.notifications.fromAddress ?? "mentalize@localhost",
                                                        webhookURL: configuration.notifications.webhookURL, fallbackBaseURL: configuration.publicURL)
        app.storage[ForwardedClientKey.self] = ForwardedClient(behindProxy: configuration.serving.behindProxy, trustedProxies: Set(configuration.serving.trustedProxies))
        app.accountLinkSettings = AccountLinkSettings(invitationLifetime: configuration.invitationLifetimeSeconds, passwordResetLifetime: configuration.passwordResetLifetimeSeconds)
        app.storage[EmergencyAccessMinimumAgeKey.self] = TimeInterval(configuration.emergencyAccessMinimumDays) * 86_400
        app.storage[SessionRulesKey.self] = SessionRules(idleTimeout: configuration.sessionIdleSeconds, absoluteTimeout: configuration.sessionAbsoluteSeconds)
        do {
            app.storage[PasswordPolicyKey.self] = PasswordPolicy(blocklist: try PasswordBlocklist.loadBundled())
        } catch {
            throw ConfigurationError("the common-password list is missing from the resource bundle: reinstall Mentalize")
        }
        app.migrations.add(MigrationCatalog.all)
        app.storage[SecretKeyStorageKey.self] = key
        let fingerprintToRecord = fingerprint
        let (ran, seeded) = try await MigrationLock.withLock(on: app.db) { () -> ([String], Bool) in
            var ran: [String] = []
            if options.migrate {
                ran = try await runPendingMigrations(app)
                if try await Installation.query(on: app.db).first() == nil {
                    try await Installation(keyFingerprint: fingerprintToRecord).create(on: app.db)
                }
            }
            let cipher = FieldCipher(secretKey: key, purpose: "totp")
            let seeded = options.seedDemo ? try await DemoSeed.seedIfNeeded(on: app.db, hasher: app.passwordHasher, totpCipher: cipher, now: app.clock.now(),
                                                                                  cohort: options.demoCohort) : false
            return (ran, seeded)
        }
        if seeded {
            // The demo's patients have questionnaires due at once, as the background job would make them.
            try await AssignmentCatchUpJob().run(app, now: app.clock.now())
        }
        report.migrationsRun = ran
        report.seededDemo = seeded
        try configure(app, resources: try AppResources.bundled())
        return report
    }

    private static func checkReachable(_ inspector: DatabaseInspector, _ configuration: AppConfiguration) async throws {
        do {
            try await inspector.ping()
        } catch {
            switch configuration.database {
            case .postgres(let url, _):
                throw ConfigurationError("cannot reach the PostgreSQL database at \(ConfigurationResolver.redacted(url)): check that the server is running and the URL, user and password are right")
            case .sqlite(let path):
                throw ConfigurationError("cannot open the SQLite database \(path): check that the file is a Mentalize database and is writable")
            }
        }
    }

    private static func runPendingMigrations(_ app: Application) async throws -> [String] {
        try await app.migrator.setupIfNeeded().get()
        let pending = try await app.migrator.previewPrepareBatch().get().map { $0.0.name }
        if !pending.isEmpty {
            try await app.migrator.prepareBatch().get()
        }
        return pending
    }
}
