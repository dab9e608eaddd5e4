import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

@Suite struct BreakGlassTests {
    let devon = DemoPatients.all[3]  // not on Ash's caseload, not in Ash's group

    @Test func aClinicianGetsTimeBoxedMarkedAccessAfterGivingAReason() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let patientPath = "/patients/\(devon.id.uuidString)"
            #expect(try await ash.get(patientPath).status == .notFound)
            try await ash.get("/break-glass")
            let short = try await ash.post("/break-glass", form: ["familyName": devon.familyName, "dateOfBirth": devon.dateOfBirth, "reason": "urgent"])
            #expect(short.status == .badRequest)
            let granted = try await ash.post("/break-glass", form: ["familyName": "testpatient", "dateOfBirth": devon.dateOfBirth, "reason": "Patient called the ward in crisis; on-call cover needs the care team."])
            #expect(granted.status == .seeOther)
            #expect(granted.headers.first(name: .location) == patientPath)
            let page = try await ash.get(patientPath, headers: ["X-Request-Id": "bg-read"])
            #expect(page.status == .ok)
            #expect(page.body.string.contains(devon.givenName))
            #expect(page.body.string.contains("You are using emergency access"), "the chart says the access is an emergency one")
            #expect(page.body.string.contains(DisplayTime.minute(app.clock.now().addingTimeInterval(BreakGlassGrant.defaultDuration)) + " UTC"), "and when it ends")
            let event = try #require(try await AuditEventRecord.query(on: app.db).filter(\.$requestID == "bg-read").first())
            #expect(event.breakGlass)
            #expect(event.outcome == "allowed")
            app.clock.advance(by: 61 * 60)
            let later = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            #expect(try await later.get(patientPath).status == .notFound, "the grant expired")
            let lead = try await SignedInClients.web(app, userID: DemoStaff.lead.id)
            let home = try await lead.get("/home").body.string
            #expect(home.contains("Robin Ash (demo therapist)"))
        }
    }

    @Test func aPatientInOnesCareOpensWithoutAnEmergencyGrant() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup: Avery is on Ash's caseload
            let avery = DemoPatients.all[0]
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            try await ash.get("/break-glass")
            // act
            let opened = try await ash.post("/break-glass", form: ["familyName": avery.familyName, "dateOfBirth": avery.dateOfBirth, "reason": "Checking the record during a late phone call."])
            // verify: the chart, no grant, no emergency marking
            #expect(opened.status == .seeOther && opened.headers.first(name: .location) == "/patients/\(avery.id.uuidString)")
            #expect(try await BreakGlassGrantRecord.query(on: app.db).count() == 0)
            let chart = try await ash.get("/patients/\(avery.id.uuidString)").body.string
            #expect(chart.contains(avery.givenName) && !chart.contains("You are using emergency access"))
        }
    }

    @Test func anUnknownPatientIsRefusedAndAdminsCannotBreakTheGlass() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            try await ash.get("/break-glass")
            let none = try await ash.post("/break-glass", form: ["familyName": "Nobody", "dateOfBirth": "1900-01-01", "reason": "Looking for someone who is not here at all."])
            #expect(none.status == .notFound)
            #expect(try await BreakGlassGrantRecord.query(on: app.db).count() == 0)
            let admin = try await SignedInClients.web(app, userID: DemoStaff.admin.id)
            #expect(try await admin.get("/break-glass").status == .notFound)
        }
    }
}

@Suite struct RecordAccessPageTests {
    @Test func aPatientSeesWhichStaffOpenedTheirRecordAndNothingElse() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let avery = DemoPatients.all[0]
            let blake = DemoPatients.all[1]
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            #expect(try await ash.get("/patients/\(avery.id.uuidString)").status == .ok)
            let birch = try await SignedInClients.web(app, userID: DemoStaff.therapistBirch.id)
            #expect(try await birch.get("/patients/\(blake.id.uuidString)").status == .ok)
            let patient = try await SignedInClients.web(app, userID: avery.userID)
            let page = try await patient.get("/me/record-access")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Robin Ash (demo therapist)"))
            #expect(!page.body.string.contains("Sam Birch"), "Birch only opened Blake's record")
        }
    }
}

@Suite struct AuditViewerTests {
    @Test func adminsAndLeadsSeeTheLogOthersGet404() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            #expect(try await ash.get("/patients/\(DemoPatients.all[0].id.uuidString)").status == .ok)
            #expect(try await ash.get("/audit").status == .notFound)
            let admin = try await SignedInClients.web(app, userID: DemoStaff.admin.id)
            let page = try await admin.get("/audit?user=therapist.ash%40demo.invalid")
            #expect(page.status == .ok)
            #expect(page.body.string.contains(DemoPatients.all[0].id.uuidString))
            #expect(!page.body.string.contains("Avery"), "no names or clinical content for the admin")
            let filtered = try await admin.get("/audit?breakGlass=on")
            #expect(!filtered.body.string.contains(DemoPatients.all[0].id.uuidString))
            let bad = try await admin.get("/audit?patient=not-an-id")
            #expect(bad.body.string.contains("not a valid id"))
        }
    }

    @Test func backupsAndRestoresShowAsTheOperators() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup: what `mentalize backup` and `mentalize restore` record
            let file = URL(fileURLWithPath: "/var/backups/mentalize-2026-11-22.backup")
            try await OperatorAudit.recordBackup(to: file, on: app)
            try await OperatorAudit.recordRestore(from: file, on: app)
            // act
            let admin = try await SignedInClients.web(app, userID: DemoStaff.admin.id)
            let page = try await admin.get("/audit").body.string
            let exports = try await admin.get("/audit?action=export").body.string
            // verify
            #expect(page.components(separatedBy: "Operator (command line at the host)").count == 3)
            #expect(page.contains(OperatorAudit.restoreRecordType))
            #expect(exports.contains(OperatorAudit.backupRecordType) && !exports.contains(OperatorAudit.restoreRecordType))
            let recorded = try await AuditEventRecord.query(on: app.db).filter(\.$actorID == OperatorAudit.actorID).all()
            #expect(recorded.map(\.recordID) == [file.path, file.path])
            if case .broken(let sequence, let reason) = try await AuditChainCheck(database: app.db).run(anchor: nil) {
                Issue.record("audit chain broken at \(sequence): \(reason)")
            }
        }
    }
}
