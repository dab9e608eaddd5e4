import Fluent
import Foundation
import MentalizeCore

/// Synthetic demo data, in one place: one clinic, two therapists, a supervisor, a programme lead, an
/// admin, twelve patients across the pathway and one therapy group. Every name is clearly fake.
/// Seeding is idempotent: it does nothing when the demo clinic exists.
enum DemoSeed {
    /// A demo sign-in account, printed by `mentalize serve --demo`.
    struct Account: Sendable {
        let username: String
        let role: String
    }

    static let clinicID = DemoIDs.id(1)
    /// Every demo account's password (synthetic data only; printed by `serve --demo`).
    static let password = "calm-harbour-demo-7"

    static func seedIfNeeded(on database: any Database, hasher: PasswordHasher, totpCipher: FieldCipher, now: Date, cohort: Bool = false) async throws -> Bool {
        guard try await Clinic.find(clinicID, on: database) == nil else { return false }
        if let clinic = try await ClinicQueries(database: database).first() {
            throw ConfigurationError("this installation runs a real clinic (\(clinic.name)): demo data is refused here; use a new --data-dir for the demo")
        }
        let passwordHash = try await hasher.hash(password)
        try await database.transaction { db in
            guard try await ClinicFounding.claim(db, now: now) else {
                throw ConfigurationError("this installation is being set up as a real clinic: demo data is refused here; use a new --data-dir for the demo")
            }
            try await seed(on: db, passwordHash: passwordHash, totpCipher: totpCipher, now: now)
            if cohort {
                try await DemoCohort.seed(clinicID: clinicID, now: now, on: db)
                try await DemoProfessional.seed(now: now, on: db)
            }
        }
        return true
    }

    static var accounts: [Account] {
        DemoStaff.all.map { Account(username: $0.username, role: $0.roles.joined(separator: ", ")) }
            + DemoPatients.all.filter(\.hasPortalAccount).prefix(2).map { Account(username: $0.username, role: "patient") }
    }

    private static func seed(on db: any Database, passwordHash: String, totpCipher: FieldCipher, now: Date) async throws {
        try await Clinic(id: clinicID, name: "Demo MBT Clinic (synthetic data)", timeZone: "Europe/London", country: "GB", locale: "en").create(on: db)
        for staff in DemoStaff.all {
            try await UserAccount(id: staff.id, clinicID: clinicID, username: staff.username, displayName: staff.displayName, roles: staff.roles).create(on: db)
            let credential = Credential(userID: staff.id, passwordHash: passwordHash, passwordChangedAt: now)
            credential.totpSecretSealed = try totpCipher.seal(Data(staff.totpSecret))
            credential.totpEnabledAt = now
            try await credential.create(on: db)
        }
        let start = Date(timeIntervalSince1970: 1_767_225_600) // 2026-01-01
        try await SupervisionLinkRecord(supervisorID: DemoStaff.supervisor.id, therapistID: DemoStaff.therapistAsh.id, startsAt: start).create(on: db)
        try await SupervisionLinkRecord(supervisorID: DemoStaff.supervisor.id, therapistID: DemoStaff.therapistBirch.id, startsAt: start).create(on: db)
        for (index, patient) in DemoPatients.all.enumerated() {
            var userID: UUID?
            if patient.hasPortalAccount {
                let account = UserAccount(id: patient.userID, clinicID: clinicID, username: patient.username, displayName: "\(patient.givenName) \(patient.familyName)", roles: ["patient"])
                try await account.create(on: db)
                try await Credential(userID: patient.userID, passwordHash: passwordHash, passwordChangedAt: now).create(on: db)
                userID = patient.userID
            }
            try await Patient(id: patient.id, clinicID: clinicID, givenName: patient.givenName, familyName: patient.familyName, dateOfBirth: patient.dateOfBirth, phase: patient.phase.rawValue, userID: userID).create(on: db)
            let therapist = index.isMultiple(of: 2) ? DemoStaff.therapistAsh : DemoStaff.therapistBirch
            try await CaseloadAssignmentRecord(therapistID: therapist.id, patientID: patient.id, startsAt: start).create(on: db)
            try await DemoHistory.seed(patient: patient, therapistID: therapist.id, from: start, on: db)
        }
        let helplines = [("Emergency services", "999", "Any time", "en"), ("Samaritans", "116 123", "24 hours, free", "en"),
                         ("113 Zelfmoordpreventie", "0800-0113", "Dag en nacht, gratis", "nl"), ("Alarmnummer", "112", "Altijd, bij direct gevaar", "nl")]
        for (position, line) in helplines.enumerated() {
            try await Helpline(clinicID: clinicID, name: line.0, phone: line.1, hours: line.2, position: position, language: line.3).create(on: db)
        }
        try await DemoMeasures.seed(clinicID: clinicID, treatmentStart: start.addingTimeInterval(3 * 7 * 86_400), now: now, on: db)
        let group = TherapyGroup(id: DemoIDs.id(300), clinicID: clinicID, name: "Tuesday MBT group", capacity: 9)
        try await group.create(on: db)
        for therapist in [DemoStaff.therapistAsh, DemoStaff.therapistBirch] {
            try await GroupTherapistRecord(groupID: DemoIDs.id(300), therapistID: therapist.id, startsAt: start).create(on: db)
        }
        for patient in DemoPatients.all where patient.phase == .treatment || patient.phase == .ending {
            try await GroupMembershipRecord(groupID: DemoIDs.id(300), patientID: patient.id, joinedAt: start).create(on: db)
        }
        try await DemoPathway.seed(start: start, on: db)
        try await DemoSessions.seed(clinicID: clinicID, now: now, on: db)
    }
}

/// Fixed ids make the demo data recognisable and the seed idempotent.
enum DemoIDs {
    static func id(_ number: Int) -> UUID {
        let suffix = String(number, radix: 16)
        let padded = String(repeating: "0", count: max(0, 12 - suffix.count)) + suffix
        return UUID(uuidString: "00000000-de00-4000-8000-\(padded)") ?? UUID()
    }
}
