import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

/// Separation of duties (issue 14, F3): an admin proposes a clinical role, a second person grants
/// it; until then the account reaches no patient. Emergency access waits a week after approval,
/// and the lead's home names accounts that opened unusually many patients' records.
@Suite struct SeparationOfDutiesTests {
    static let password = "a quiet harbour at dawn 42"

    /// Creates a therapist through the admin's page (the role proposed, not held); its user id.
    static func mintTherapist(_ app: Application, username: String, role: String = "therapist") async throws -> UUID {
        let admin = try await SignedInClients.web(app, userID: DemoStaff.admin.id)
        try await admin.get("/admin/users")
        let created = try await admin.post("/admin/users", form: ["username": username, "displayName": "Minted Account", "role": role, "password": password])
        #expect(created.status == .created, "the admin's form was accepted")
        return try #require(try await UserAccount.query(on: app.db).filter(\.$username == username).first()?.id)
    }

    private func decide(_ client: WebClient, grantOf userID: UUID, _ decision: String, _ app: Application) async throws -> TestingHTTPResponse {
        let grant = try #require(try await RoleGrantRecord.query(on: app.db).filter(\.$user.$id == userID).sort(\.$proposedAt, .descending).first())
        try await client.get("/role-approvals")
        return try await client.post("/role-approvals/\(try grant.requireID().uuidString)", form: ["decision": decision])
    }

    @Test func anAdminMadeTherapistReachesNoPatientUntilALeadApproves() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup
            let minted = try await Self.mintTherapist(app, username: "new.therapist@clinic.example")
            let account = try #require(try await UserAccount.find(minted, on: app.db))
            #expect(account.roleNames.isEmpty, "the role is proposed, not held")
            let adminPage = try await SignedInClients.web(app, userID: DemoStaff.admin.id).get("/admin/users").body.string
            #expect(adminPage.contains("awaiting a programme lead&#39;s approval") || adminPage.contains("awaiting a programme lead's approval"))
            let before = try await SignedInClients.web(app, userID: minted)
            let avery = DemoPatients.all[0].id
            #expect(try await before.get("/patients/\(avery.uuidString)").status == .notFound)
            #expect(try await before.get("/break-glass").status == .notFound)
            // act: the admin cannot grant it, the lead can
            let admin = try await SignedInClients.web(app, userID: DemoStaff.admin.id)
            let refused = try await decide(admin, grantOf: minted, "approve", app)
            #expect(refused.status == .notFound && refused.body.string.contains("You cannot decide this proposal"))
            #expect(try await UserAccount.find(minted, on: app.db)?.roleNames.isEmpty == true)
            let lead = try await SignedInClients.web(app, userID: DemoStaff.lead.id)
            #expect(try await lead.get("/home").body.string.contains("Clinical roles waiting for approval (1)"))
            #expect(try await decide(lead, grantOf: minted, "approve", app).status == .seeOther)
            // verify
            #expect(try await UserAccount.find(minted, on: app.db)?.roleNames == ["therapist"])
            #expect(try await before.get("/home").status == .seeOther, "the old session ended with the change")
            let audited = try await AuditEventRecord.query(on: app.db).filter(\.$actorID == DemoStaff.lead.id).filter(\.$recordID == minted.uuidString).count()
            #expect(audited == 1, "the decision is the lead's audited write of the account")
            let after = try await SignedInClients.web(app, userID: minted)
            #expect(try await after.get("/patients").status == .ok)
            #expect(try await after.get("/patients/\(avery.uuidString)").status == .notFound, "a role gives no patient: a relationship does")
            #expect(try await decide(lead, grantOf: minted, "refuse", app).status == .conflict, "a decision is made once")
        }
    }

    @Test func emergencyAccessWaitsAWeekAfterTheRoleIsApproved() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let minted = try await Self.mintTherapist(app, username: "new.duty@clinic.example")
            let lead = try await SignedInClients.web(app, userID: DemoStaff.lead.id)
            #expect(try await decide(lead, grantOf: minted, "approve", app).status == .seeOther)
            let devon = DemoPatients.all[3]
            let form = ["familyName": devon.familyName, "dateOfBirth": devon.dateOfBirth, "reason": "Patient called the ward in crisis; on-call cover needs the care team."]
            let fresh = try await SignedInClients.web(app, userID: minted)
            try await fresh.get("/break-glass")
            let tooNew = try await fresh.post("/break-glass", form: form)
            #expect(tooNew.status == .badRequest && tooNew.body.string.contains("approved for a week"))
            #expect(try await BreakGlassGrantRecord.query(on: app.db).filter(\.$user.$id == minted).count() == 0)
            app.clock.advance(by: 8 * 86_400)
            let later = try await SignedInClients.web(app, userID: minted)
            try await later.get("/break-glass")
            #expect(try await later.post("/break-glass", form: form).status == .seeOther)
            #expect(try await BreakGlassGrantRecord.query(on: app.db).filter(\.$user.$id == minted).count() == 1)
        }
    }

    @Test func aSecondAdminApprovesOnlyTheFirstLeadOfAClinicWithoutOne() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup: the clinic's lead has left, and there is a second admin
            let service = AccountService(database: app.db, hasher: app.passwordHasher, passwordPolicy: try app.passwordPolicy, now: app.clock.now())
            try await service.disable(username: DemoStaff.lead.username)
            let second = try await service.create(clinicID: DemoSeed.clinicID, username: "second.admin@clinic.example", displayName: "Second Admin", roles: ["admin"], password: Self.password)
            let newLead = try await Self.mintTherapist(app, username: "new.lead@clinic.example", role: "programmeLead")
            let therapist = try await Self.mintTherapist(app, username: "another.therapist@clinic.example")
            // act / verify: the proposing admin may not, the second admin may (the first lead only)
            let proposer = try await SignedInClients.web(app, userID: DemoStaff.admin.id)
            #expect(try await decide(proposer, grantOf: newLead, "approve", app).status == .notFound)
            let secondAdmin = try await SignedInClients.web(app, userID: try second.requireID())
            #expect(try await decide(secondAdmin, grantOf: therapist, "approve", app).status == .notFound, "an admin grants no therapist")
            #expect(try await decide(secondAdmin, grantOf: newLead, "approve", app).status == .seeOther)
            #expect(try await UserAccount.find(newLead, on: app.db)?.roleNames == ["programmeLead"])
            let anotherLead = try await Self.mintTherapist(app, username: "another.lead@clinic.example", role: "programmeLead")
            #expect(try await decide(secondAdmin, grantOf: anotherLead, "approve", app).status == .notFound, "once there is a lead, leads decide")
            let lead = try await SignedInClients.web(app, userID: newLead)
            #expect(try await decide(lead, grantOf: therapist, "approve", app).status == .seeOther)
        }
    }

    @Test func theLeadSeesAnAccountThatOpenedManyPatientsRecords() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let lead = try await SignedInClients.web(app, userID: DemoStaff.lead.id)
            #expect(try await lead.get("/home").body.string.contains("Nobody opened the records of an unusual number"))
            let reads = (0..<DashboardController.unusualReadThreshold).map { _ in
                AuditEntry(actorID: DemoStaff.therapistBirch.id, actorRole: .therapist, patientID: UUID(), recordType: RecordKind.demographics.rawValue,
                           recordID: nil, action: .read, outcome: .allowed, requestID: "bulk", breakGlass: false)
            }
            try await app.auditLog.record(reads)
            let home = try await lead.get("/home").body.string
            #expect(home.contains("\(DemoStaff.therapistBirch.displayName): \(DashboardController.unusualReadThreshold) different patients"))
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            #expect(!(try await ash.get("/home").body.string.contains("Unusual reading")), "only the lead sees it")
        }
    }
}
