import ArgumentParser
import Foundation

/// `mentalize setup`: creates the installation's clinic, its helplines and the first administrator,
/// from flags (for scripts) or by asking at the terminal when run there with no flags. Runs once.
struct SetupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setup",
        abstract: "Create the clinic and its first administrator (once, on a new installation).",
        discussion: """
        The administrator's first password is read from standard input; when none is given it is \
        generated and printed once. The administrator enrols a second factor at first sign-in.
        """
    )

    @Option(name: .customLong("clinic-name"), help: "The clinic's name, as patients and staff see it.") var clinicName: String?
    @Option(name: .customLong("time-zone"), help: "The clinic's IANA time zone, such as Europe/London.") var timeZone: String?
    @Option(name: .customLong("admin-email"), help: "The first administrator's email address (their sign-in name).") var adminEmail: String?
    @Option(name: .customLong("admin-name"), help: "The first administrator's name.") var adminName: String?
    @Option(name: .customLong("locale"), help: "The clinic's default language (en, nl); without it each person's browser decides.") var locale: String?
    @Option(name: .customLong("country"), help: "The clinic's country, a two-letter code such as GB.") var country = ""
    @Option(name: .customLong("public-url"), help: "The address people reach Mentalize at, such as https://mbt.clinic.example (used in emails).") var publicURL = ""
    @Option(name: .customLong("helpline"), help: "A helpline patients see on every page, \"Name=number\" or \"Name=number=hours\" (repeatable; at least one).") var helplines: [String] = []
    @OptionGroup var storage: StorageOptions

    func run() async throws {
        try await runReportingErrors {
            let interactive = TerminalInput.isInteractive && clinicName == nil && timeZone == nil && adminEmail == nil && adminName == nil && helplines.isEmpty
            let request = interactive ? SetupPrompts.ask() : try requestFromFlags()
            let problems = request.problems
            guard problems.isEmpty else { throw ConfigurationError(problems.joined(separator: "; ")) }
            var password = interactive ? TerminalInput.askSecret("The administrator's first password (leave empty to generate one)") : (TerminalInput.pipedLine() ?? "")
            let generated = password.isEmpty
            if generated { password = GeneratedPassword.make() }
            try await withAccounts(storage) { accounts in
                do {
                    let admin = try await ClinicFounding(accounts: accounts).found(request, adminPassword: password)
                    print("Created \(request.clinicName) (\(request.timeZone)) with \(request.helplines.count) helpline(s), and the administrator \(admin.username).")
                    if generated { print("The administrator's first password (shown once; change it after signing in): \(password)") }
                    print("Next: run `mentalize serve`, sign in as \(admin.username) and enrol an authenticator app as your second factor.")
                } catch let refused as ClinicFounding.Refused {
                    throw ConfigurationError(refused.description)
                }
            }
        }
    }

    private func requestFromFlags() throws -> ClinicFoundingRequest {
        var missing: [String] = []
        if clinicName == nil { missing.append("--clinic-name") }
        if timeZone == nil { missing.append("--time-zone") }
        if adminEmail == nil { missing.append("--admin-email") }
        if adminName == nil { missing.append("--admin-name") }
        if helplines.isEmpty { missing.append("--helpline") }
        guard missing.isEmpty else {
            throw ConfigurationError("setup needs \(missing.joined(separator: ", ")) (or run it in a terminal with no flags to be asked)")
        }
        return ClinicFoundingRequest(
            clinicName: clinicName ?? "", timeZone: timeZone ?? "", locale: locale, country: country, publicURL: publicURL,
            helplines: try helplines.map(HelplineEntry.init(commandLine:)), adminEmail: adminEmail ?? "", adminName: adminName ?? ""
        )
    }
}
