import Crypto
import Foundation
import MentalizeCore

/// The demo staff accounts.
enum DemoStaff {
    struct Member: Sendable {
        let id: UUID
        let username: String
        let displayName: String
        let roles: [String]

        /// The demo account's fixed TOTP secret (synthetic data: printed by `serve --demo`).
        var totpSecret: [UInt8] { Array(Insecure.SHA1.hash(data: Data("mentalize-demo-totp:\(username)".utf8))) }
    }

    static func member(named username: String) -> Member? {
        all.first { $0.username == username.lowercased() }
    }

    static let therapistAsh = Member(id: DemoIDs.id(101), username: "therapist.ash@demo.invalid", displayName: "Robin Ash (demo therapist)", roles: ["therapist"])
    static let therapistBirch = Member(id: DemoIDs.id(102), username: "therapist.birch@demo.invalid", displayName: "Sam Birch (demo therapist)", roles: ["therapist"])
    static let supervisor = Member(id: DemoIDs.id(103), username: "supervisor.cedar@demo.invalid", displayName: "Alex Cedar (demo supervisor)", roles: ["supervisor"])
    static let lead = Member(id: DemoIDs.id(104), username: "lead.dogwood@demo.invalid", displayName: "Jo Dogwood (demo programme lead)", roles: ["programmeLead"])
    static let admin = Member(id: DemoIDs.id(105), username: "admin.elm@demo.invalid", displayName: "Kim Elm (demo administrator)", roles: ["admin"])

    static let all = [therapistAsh, therapistBirch, supervisor, lead, admin]
}

/// The twelve demo patients, spread over the pathway phases.
enum DemoPatients {
    struct Member: Sendable {
        let number: Int
        let givenName: String
        let familyName: String
        let dateOfBirth: String
        let phase: ProgrammePhase

        var id: UUID { DemoIDs.id(200 + number) }
        var userID: UUID { DemoIDs.id(400 + number) }
        var username: String { "patient.\(givenName.lowercased())@demo.invalid" }
        /// Patients get a portal account once they have been assessed.
        var hasPortalAccount: Bool { phase != .referral && phase != .assessment }
    }

    static let all: [Member] = [
        Member(number: 1, givenName: "Avery", familyName: "Testpatient", dateOfBirth: "1990-03-14", phase: .treatment),
        Member(number: 2, givenName: "Blake", familyName: "Testpatient", dateOfBirth: "1987-11-02", phase: .treatment),
        Member(number: 3, givenName: "Casey", familyName: "Testpatient", dateOfBirth: "1995-06-21", phase: .treatment),
        Member(number: 4, givenName: "Devon", familyName: "Testpatient", dateOfBirth: "1999-01-30", phase: .mbtIntroductory),
        Member(number: 5, givenName: "Emery", familyName: "Testpatient", dateOfBirth: "1984-09-09", phase: .mbtIntroductory),
        Member(number: 6, givenName: "Finley", familyName: "Testpatient", dateOfBirth: "1992-12-12", phase: .assessment),
        Member(number: 7, givenName: "Gray", familyName: "Testpatient", dateOfBirth: "2001-04-05", phase: .assessment),
        Member(number: 8, givenName: "Harper", familyName: "Testpatient", dateOfBirth: "1979-07-17", phase: .referral),
        Member(number: 9, givenName: "Indigo", familyName: "Testpatient", dateOfBirth: "1996-02-28", phase: .referral),
        Member(number: 10, givenName: "Jules", familyName: "Testpatient", dateOfBirth: "1988-08-08", phase: .ending),
        Member(number: 11, givenName: "Kai", familyName: "Testpatient", dateOfBirth: "1993-05-19", phase: .followUp),
        Member(number: 12, givenName: "Lane", familyName: "Testpatient", dateOfBirth: "1985-10-23", phase: .discharged),
    ]
}
