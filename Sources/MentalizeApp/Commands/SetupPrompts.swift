import Foundation

/// The questions `mentalize setup` asks when it runs in a terminal with no flags.
enum SetupPrompts {
    static func ask() -> ClinicFoundingRequest {
        FileHandle.standardError.write(Data("Setting up Mentalize for your clinic. Press Enter to take a suggestion in [brackets].\n".utf8))
        let name = TerminalInput.ask("Clinic name")
        let zone = TerminalInput.ask("Time zone", defaultValue: TimeZone.current.identifier == "GMT" ? "Europe/London" : TimeZone.current.identifier)
        let language = TerminalInput.ask("Default language (en, nl; Enter: each person's browser decides)")
        let locale = language.isEmpty ? nil : language
        let country = TerminalInput.ask("Country (two letters, such as GB)")
        let publicURL = TerminalInput.ask("Public address people will use, such as https://mbt.clinic.example (Enter to set it later)")
        FileHandle.standardError.write(Data("Helplines shown on every patient page: one per line as Name=number (such as Samaritans=116 123); an empty line ends.\n".utf8))
        var helplines: [HelplineEntry] = []
        while true {
            let line = TerminalInput.ask("Helpline \(helplines.count + 1)")
            if line.isEmpty { break }
            guard let entry = try? HelplineEntry(commandLine: line) else {
                FileHandle.standardError.write(Data("  Write it as Name=number.\n".utf8))
                continue
            }
            helplines.append(entry)
        }
        let email = TerminalInput.ask("Administrator's email address")
        let adminName = TerminalInput.ask("Administrator's name")
        return ClinicFoundingRequest(clinicName: name, timeZone: zone, locale: locale, country: country, publicURL: publicURL, helplines: helplines, adminEmail: email, adminName: adminName)
    }
}
