import ArgumentParser
import Foundation

/// `mentalize user ...`: manage accounts from the terminal.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Create, list, disable accounts and reset passwords.",
        subcommands: [Create.self, List.self, SetRoles.self, Disable.self, ResetPassword.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an account (the password is read from standard input).")

        @Option(help: "The sign-in name, usually an email address.") var username: String
        @Option(name: .customLong("name"), help: "The person's name as shown to others.") var displayName: String
        @Option(name: .customLong("role"), help: "patient, therapist, supervisor, programmeLead or admin (repeatable).") var roles: [String]
        @Option(name: .customLong("patient-id"), help: "For a patient's account: the patient record it belongs to (required with --role patient).") var patientID: String?
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            try await withAccounts(storage) { accounts in
                let record = try patientID.map { text in
                    guard let id = UUID(uuidString: text) else { throw ConfigurationError("--patient-id '\(text)' is not a patient record id") }
                    return id
                }
                let password = try readPassword()
                let account = try await accounts.create(clinicID: try await accounts.onlyClinicID(), username: username, displayName: displayName, roles: roles, patientID: record, password: password)
                print("Created \(account.username) (\(account.roleNames.joined(separator: ", "))).")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List accounts with their roles and state.")
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            try await withAccounts(storage) { accounts in
                for account in try await accounts.all() {
                    let state = account.disabledAt == nil ? "active" : "disabled"
                    print("\(account.username)\t\(account.roleNames.joined(separator: ","))\t\(state)")
                }
            }
        }
    }

    struct SetRoles: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set-roles", abstract: "Replace an account's roles and end its sessions.")
        @Argument(help: "The account's username.") var username: String
        @Option(name: .customLong("role"), help: "patient, therapist, supervisor, programmeLead or admin (repeatable).") var roles: [String]
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            try await withAccounts(storage) { accounts in
                try await accounts.setRoles(username: username, roles: roles)
                print("\(username.lowercased()) now has: \(roles.joined(separator: ", ")); its sessions have ended.")
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable an account and end all its sessions.")
        @Argument(help: "The account's username.") var username: String
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            try await withAccounts(storage) { accounts in
                try await accounts.disable(username: username)
                print("Disabled \(username.lowercased()); all its sessions have ended.")
            }
        }
    }

    struct ResetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reset-password", abstract: "Set a new password (read from standard input) and end all sessions.")
        @Argument(help: "The account's username.") var username: String
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            try await withAccounts(storage) { accounts in
                try await accounts.setPassword(username: username, password: try readPassword())
                print("Password changed for \(username.lowercased()); all its sessions have ended.")
            }
        }
    }
}

/// One line from standard input (a prompt goes to standard error when it is a terminal).
private func readPassword() throws -> String {
    if isatty(STDIN_FILENO) != 0 {
        FileHandle.standardError.write(Data("Password: ".utf8))
    }
    guard let line = readLine(strippingNewline: true), !line.isEmpty else {
        throw ConfigurationError("no password given: write it on standard input")
    }
    return line
}
