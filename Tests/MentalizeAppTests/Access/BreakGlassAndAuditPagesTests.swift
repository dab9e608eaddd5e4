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
            let grant = try #require(try await BreakGlassGrantRecord.query(on: app.db).filter(\.$patient.$id == devon.id).first())
            #expect(page.body.string.contains(DisplayTime.clinic(grant.expiresAt, zone: try ClinicZone("Europe/London"))), "and when it ends, in the clinic's time")
            let event = try #require(try await AuditEventRecord.query(on: app.db).filter(\.$requestID == "bg-read").first())
            #expect(event.breakGlass)
            #expect(event.outcome == "allowed")
            app.clock.advance(by: 61 * 60)
            let later = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            #expect(try await later.get(patientPath).status == .notFound, "the grant expired")
            let lead = try await SignedInClients.web(app, userID: DemoStaff.lead.id)
            let home = try await lead.get("/home").body.string
            #expect(home.contains("Robin Ash (demo therapist)"))
            #expect(home.contains("Reason given:") && home.contains("Patient called the ward in crisis; on-call cover needs the care team."), "the lead reviews the reason")
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

    @Test func accessesAreGroupedByPersonAndDayWithListsExplained() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let avery = DemoPatients.all[0]
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            for _ in 0..<4 { #expect(try await ash.get(SiteRoute.patient.path(patient: avery.id)).status == .ok) }
            for _ in 0..<3 { #expect(try await ash.get(SiteRoute.patients.path).status == .ok) }
            let patient = try await SignedInClients.web(app, userID: avery.userID)
            let page = try await patient.get(SiteRoute.recordAccess.path).body.string
            let zone = try ClinicZone("Europe/London")
            #expect(page.contains(zone.dayText(zone.localDate(of: app.clock.now()))))
            #expect(page.contains("opened your record 4 times") && page.contains("saw you in a list 3 times"), "one line, counted")
            #expect(page.components(separatedBy: "<strong>Robin Ash (demo therapist)</strong>").count - 1 == 1, "one line for Ash today")
            #expect(page.contains("did not open your record"), "list views explained")
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
            let key = try #require(app.storage[SecretKeyStorageKey.self])
            let pseudonym = AuditPatientLabels.pseudonym(DemoPatients.all[0].id, key: key)
            #expect(page.body.string.contains(pseudonym), "the admin sees a stable reference")
            #expect(!page.body.string.contains(DemoPatients.all[0].id.uuidString) && !page.body.string.contains("Avery"), "no id or name for the admin")
            let filtered = try await admin.get("/audit?breakGlass=on")
            #expect(!filtered.body.string.contains(pseudonym))
            let byReference = try await admin.get("/audit?patient=\(pseudonym.lowercased())").body.string
            #expect(byReference.contains(pseudonym) && !byReference.contains(AuditPatientLabels.pseudonym(DemoPatients.all[1].id, key: key)))
            let bad = try await admin.get("/audit?patient=not-an-id")
            #expect(bad.body.string.contains("No patient has that id or reference"))
        }
    }

    @Test func listEventsFoldPerRequestAndTheLeadReadsTheBreakGlassReasonOnTheEvent() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let devon = DemoPatients.all[3]
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            try await ash.get("/patients", headers: ["X-Request-Id": "list-once"])
            let listed = try await AuditEventRecord.query(on: app.db).filter(\.$requestID == "list-once").filter(\.$action == "list").count()
            #expect(listed > 1, "the list wrote one event per patient")
            try await ash.get("/break-glass")
            let reason = "Patient rang the ward in crisis; covering for the on-call colleague."
            #expect(try await ash.post("/break-glass", form: ["familyName": devon.familyName, "dateOfBirth": devon.dateOfBirth, "reason": reason]).status == .seeOther)
            try await ash.get("/patients/\(devon.id.uuidString)")
            let lead = try await SignedInClients.web(app, userID: DemoStaff.lead.id)
            let log = try await lead.get("/audit?user=therapist.ash%40demo.invalid").body.string
            #expect(log.contains("\(listed) patients listed (one request)"), "one row for the request's list events")
            let shownRows = log.matches(of: /<tr><td>\d+<\/td>/).count
            let events = try await AuditEventRecord.query(on: app.db).filter(\.$actorID == DemoStaff.therapistAsh.id).count()
            #expect(shownRows < min(events, AuditLogQuery.pageSize), "the page is not flooded by list events")
            #expect(log.contains("break-glass</strong><br><span class=\"hint break-glass-reason\">Reason given: “\(reason)”"), "the lead reads why, on the event")
            let admin = try await SignedInClients.web(app, userID: DemoStaff.admin.id)
            let adminLog = try await admin.get("/audit?breakGlass=on").body.string
            #expect(adminLog.contains("break-glass</strong>") && !adminLog.contains(reason), "the reason is clinical free text: not for the admin")
        }
    }

    @Test func theDateFilterTakesTheClinicsDays() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let clinic = try #require(try await Clinic.find(DemoSeed.clinicID, on: app.db))
            clinic.timeZone = "Pacific/Auckland"
            try await clinic.save(on: app.db)
            // 22:00 UTC on Wednesday 18 November is 11:00 on Thursday the 19th in Auckland.
            app.clock.advance(by: 12 * 3_600)
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            try await ash.get("/patients/\(DemoPatients.all[0].id.uuidString)", headers: ["X-Request-Id": "late-read"])
            let sequence = try #require(try await AuditEventRecord.query(on: app.db).filter(\.$requestID == "late-read").first()).sequence
            let lead = try await SignedInClients.web(app, userID: DemoStaff.lead.id)
            let shown = { (day: String) async throws -> Bool in
                try await lead.get("/audit?user=therapist.ash%40demo.invalid&from=\(day)&to=\(day)").body.string.contains("<tr><td>\(sequence)</td>")
            }
            #expect(try await shown("2026-11-19"), "the clinic's Thursday holds the read")
            #expect(!(try await shown("2026-11-18")), "the UTC day does not")
        }
    }

    @Test func accountWritesNameTheAccountAndTimesAreTheClinics() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let admin = try await SignedInClients.web(app, userID: DemoStaff.admin.id)
            try await admin.get(SiteRoute.adminUsers.path)
            #expect(try await admin.post(SiteRoute.adminUserDisable.path(user: DemoStaff.therapistBirch.id), form: [:]).status == .seeOther)
            let log = try await admin.get("/audit?action=write").body.string
            #expect(log.contains("accountData: Sam Birch (demo therapist)<br><span class=\"hint audit-change\">disabled</span>"), "the account changed is named, and what changed")
            #expect(try await admin.post(SiteRoute.adminUserEnable.path(user: DemoStaff.therapistBirch.id), form: [:]).status == .seeOther)
            let stored = try await AuditEventRecord.query(on: app.db).filter(\.$recordType == "accountData").sort(\.$sequence).all().compactMap(\.detail)
            #expect(stored.suffix(2) == ["disabled", "enabled"])
            let rows = try await AuditEventRecord.query(on: app.db).sort(\.$sequence).all().map(AuditRecordMapping.row(from:))
            #expect(AuditChain.verify(rows).isIntact, "the chain still verifies with details in it")
            let zone = try ClinicZone("Europe/London")
            // The event the page was read after (the enable came later, perhaps in the next minute).
            let event = try #require(try await AuditEventRecord.query(on: app.db).filter(\.$recordType == "accountData").filter(\.$detail == "disabled").first())
            let when = AuditTime.date(fromMicroseconds: event.occurredAtMicroseconds)
            #expect(log.contains(zone.dayText(zone.localDate(of: when)) + " " + zone.localTime(of: when).description))
            #expect(!log.contains("Z</td>"), "no raw ISO times")
        }
    }

    @Test func theAdminLearnsNoClinicalFactTheLeadSeesWho() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup: a patient reports self-harm, which raises an alert (issue 14, F4)
            let avery = DemoPatients.all[0]
            let patient = try await SignedInClients.web(app, userID: avery.userID)
            let yesterday = try await SessionFixtures.loader(app).zone.localDate(of: app.clock.now()).adding(days: -1).description
            let form = try await patient.get("/me/report").body.string
            let key = try #require(form.firstMatch(of: /name="key" value="([^"]+)"/)).1
            #expect(try await patient.post("/me/report", form: ["occurredOn": yesterday, "help": "self-care", "note": "After the call", "key": String(key)]).status == .seeOther)
            // act
            let admin = try await SignedInClients.web(app, userID: DemoStaff.admin.id).get("/audit?user=\(avery.username)").body.string
            let lead = try await SignedInClients.web(app, userID: DemoStaff.lead.id).get("/audit?user=\(avery.username)").body.string
            // verify
            #expect(!admin.contains("selfReport") && !admin.contains("riskAlert") && !admin.contains("Avery"))
            #expect(admin.contains(AuditPatientLabels.clinicalRecord))
            #expect(lead.contains("selfReport") && lead.contains("Avery Testpatient"), "the lead sees who did what")
            let listed = try await AuditEventRecord.query(on: app.db).filter(\.$actorID == DemoStaff.lead.id).filter(\.$action == "list").filter(\.$recordType == "demographics").count()
            #expect(listed > 0, "the names the lead saw are audited as a list")
        }
    }

    @Test func theLogIsPagedBySequenceKeepingFiltersAndCounted() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup: 150 events by Ash, more than a page
            let entries = (0..<150).map { number in
                AuditEntry(actorID: DemoStaff.therapistAsh.id, actorRole: .therapist, patientID: nil, recordType: "paging-test", recordID: String(number),
                           action: .read, outcome: .allowed, requestID: "paging-\(number)", breakGlass: false)
            }
            try await app.auditLog.record(entries)
            let admin = try await SignedInClients.web(app, userID: DemoStaff.admin.id)
            let total = try await AuditEventRecord.query(on: app.db).filter(\.$actorID == DemoStaff.therapistAsh.id).count()
            // act: "Ash" is part of Robin Ash's display name, not the username
            let newest = try await admin.get("/audit?user=Ash").body.string
            let olderPath = try #require(Self.link("Older events", in: newest))
            let older = try await admin.get(olderPath).body.string
            let newerPath = try #require(Self.link("Newer events", in: older))
            let backAgain = try await admin.get(newerPath).body.string
            // verify
            #expect(newest.contains("Showing events 1–100 of \(total)"))
            #expect(newest.contains("Robin Ash (demo therapist)") && !newest.contains("Sam Birch"), "only the matching user's events")
            #expect(Self.link("Newer events", in: newest) == nil, "nothing is newer than the newest page")
            #expect(olderPath.contains("user=Ash") && olderPath.contains("before="), "the filter is kept")
            #expect(older.contains("Showing events 101–\(total) of \(total)"))
            #expect(Self.link("Older events", in: older) == nil)
            #expect(backAgain.contains("Showing events 1–100 of \(total)"))
            let everyone = try await admin.get("/audit").body.string
            #expect(everyone.contains("Showing events 1–100 of \(try await AuditEventRecord.query(on: app.db).count())"))
        }
    }

    @Test func aDateThatIsNotADayIsExplained() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let admin = try await SignedInClients.web(app, userID: DemoStaff.admin.id)
            let bad = try await admin.get("/audit?from=2026-13-45&to=2026-02-30").body.string
            #expect(bad.contains("The From date is not a real date") && bad.contains("The To date is not a real date"))
            let nobody = try await admin.get("/audit?user=nobody-at-all").body.string
            #expect(nobody.contains("No events match these filters."))
        }
    }

    /// The href of the link with this text, with HTML entities undone.
    static func link(_ text: String, in html: String) -> String? {
        guard let anchor = html.split(separator: "<a ").first(where: { $0.contains(text) }),
              let match = anchor.firstMatch(of: /href="([^"]+)"/) else { return nil }
        return String(match.1).replacingOccurrences(of: "&amp;", with: "&")
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
