import Foundation
import MentalizeCore

/// What `serve` prints once the checks have passed: where to go and, with `--demo`, who to sign in as.
struct StartupBanner {
    let configuration: AppConfiguration
    let report: AppBootstrap.Report
    let demo: Bool
    /// The one-time first-run link, when the installation has no clinic yet.
    var setupLink: String?

    func print() {
        var lines = ["Mentalize is starting at \(configuration.publicURL)"]
        if let setupLink {
            lines.append("No clinic yet. Open this one-time link within 60 minutes to create it (or run `mentalize setup`): \(setupLink)")
        }
        if report.createdSecretKey {
            lines.append("Created a new secret key at \(configuration.dataDirectory.appendingPathComponent(SecretKeyStore.fileName).path): back it up with the database.")
        }
        if !report.migrationsRun.isEmpty {
            lines.append("Applied \(report.migrationsRun.count) database migration(s).")
        }
        if let start = configuration.clockStart {
            lines.append("The clock was set to start at \(start.formatted(.iso8601)) (MENTALIZE_CLOCK_START): every time shown and stored follows it.")
        }
        Swift.print(lines.joined(separator: "\n"))
        if demo {
            Swift.print(report.seededDemo ? "Seeded synthetic demo data." : "Demo data already present.")
            Self.printAccounts()
        }
        fflush(nil)
    }

    static func printAccounts() {
        Swift.print("Demo sign-in accounts (synthetic people), password for all: \(DemoSeed.password)")
        for account in DemoSeed.accounts {
            let name = account.username.padding(toLength: 34, withPad: " ", startingAt: 0)
            if let staff = DemoStaff.member(named: account.username) {
                let role = account.role.padding(toLength: 14, withPad: " ", startingAt: 0)
                Swift.print("  \(name) \(role) authenticator key \(Base32.encode(staff.totpSecret, padding: false))")
            } else {
                Swift.print("  \(name) \(account.role)")
            }
        }
        Swift.print("Staff also give a 6-digit code: add their key to an authenticator app, or run")
        Swift.print("  mentalize demo --totp-code USERNAME")
    }
}
