import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

@Suite struct CareTeamTests {
    @Test func theCareTeamPageListsPatientsThroughTheListScopeAndAuditsEachOne() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup
            let lead = try await SignedInClients.web(app, userID: DemoStaff.lead.id)
            // act
            let page = try await lead.get("/care-team", headers: ["X-Request-Id": "care-team-list"])
            // verify: every patient named on the page was listed under the lead's roster scope
            #expect(page.status == .ok)
            let listed = try await AuditEventRecord.query(on: app.db).filter(\.$requestID == "care-team-list").filter(\.$action == "list").all()
            #expect(Set(listed.compactMap(\.patientID)) == Set(DemoPatients.all.map(\.id)))
            #expect(listed.allSatisfy { $0.actorRole == "programmeLead" && $0.recordType == "demographics" })
        }
    }

    @Test func aSecondCaseloadRowOrSupervisionLinkForTheSamePairIsRefused() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup: Avery is on Ash's caseload and Cedar supervises Ash in the demo
            let avery = DemoPatients.all[0]
            let lead = try await SignedInClients.web(app, userID: DemoStaff.lead.id)
            try await lead.get("/care-team")
            let caseloadBefore = try await CaseloadAssignmentRecord.query(on: app.db).filter(\.$patient.$id == avery.id).count()
            let linksBefore = try await SupervisionLinkRecord.query(on: app.db).count()
            // act: each form sent twice, as a double click would
            let assign = ["kind": "caseload", "therapistID": DemoStaff.therapistAsh.id.uuidString, "patientID": avery.id.uuidString]
            let again = try await lead.post("/care-team", form: assign)
            let twice = try await lead.post("/care-team", form: assign)
            let link = ["kind": "supervision", "supervisorID": DemoStaff.supervisor.id.uuidString, "therapistID": DemoStaff.therapistAsh.id.uuidString]
            let linkAgain = try await lead.post("/care-team", form: link)
            // verify
            #expect(again.status == .conflict && twice.status == .conflict)
            #expect(again.body.string.contains("already on that therapist&#39;s caseload") || again.body.string.contains("already on that therapist's caseload"))
            #expect(linkAgain.status == .conflict)
            #expect(linkAgain.body.string.contains("already supervises that therapist"))
            #expect(try await CaseloadAssignmentRecord.query(on: app.db).filter(\.$patient.$id == avery.id).count() == caseloadBefore)
            #expect(try await SupervisionLinkRecord.query(on: app.db).count() == linksBefore)
        }
    }

    @Test func anEndedRelationshipCanStartAgainAndADisabledSupervisorIsNamed() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup: end Ash's caseload link with Devon, then disable the supervisor
            let devon = DemoPatients.all[3]
            let lead = try await SignedInClients.web(app, userID: DemoStaff.lead.id)
            try await lead.get("/care-team")
            let assign = ["kind": "caseload", "therapistID": DemoStaff.therapistAsh.id.uuidString, "patientID": devon.id.uuidString]
            #expect(try await lead.post("/care-team", form: assign).status == .seeOther)
            let first = try #require(try await CaseloadAssignmentRecord.query(on: app.db).filter(\.$patient.$id == devon.id).filter(\.$therapist.$id == DemoStaff.therapistAsh.id).first())
            try await lead.get("/care-team")
            #expect(try await lead.post("/care-team/\(try first.requireID().uuidString)/end", form: [:]).status == .seeOther)
            app.clock.advance(by: 1)
            try await AccountService(database: app.db, hasher: app.passwordHasher, passwordPolicy: try app.passwordPolicy, now: app.clock.now())
                .disable(username: DemoStaff.supervisor.username)
            // act
            try await lead.get("/care-team")
            let restarted = try await lead.post("/care-team", form: assign)
            let page = try await lead.get("/care-team").body.string
            // verify
            #expect(restarted.status == .seeOther, "a relationship that ended may begin again")
            #expect(page.contains("Alex Cedar (demo supervisor) (disabled)"))
            #expect(!page.contains("<td>—</td>"))
        }
    }
}

@Suite struct AdminUsersTests {
    @Test func theCreationFormChecksNameLengthUsernameShapeAndAChosenRole() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let admin = try await SignedInClients.web(app, userID: DemoStaff.admin.id)
            let page = try await admin.get("/admin/users").body.string
            #expect(page.contains("<option value=\"\">Choose a role</option>"), "no role is preselected")
            let good = ["username": "sam@demo.invalid", "displayName": "Sam New", "role": "therapist", "password": "a fine long passphrase"]
            var long = good
            long["displayName"] = String(repeating: "x", count: 5000)
            let tooLong = try await admin.post("/admin/users", form: long)
            #expect(tooLong.status == .badRequest)
            #expect(tooLong.body.string.contains("up to 100 characters"))
            var notEmail = good
            notEmail["username"] = "sam"
            let badName = try await admin.post("/admin/users", form: notEmail)
            #expect(badName.status == .badRequest)
            #expect(badName.body.string.contains("e-mail address"))
            var noRole = good
            noRole["role"] = ""
            let unchosen = try await admin.post("/admin/users", form: noRole)
            #expect(unchosen.status == .badRequest)
            #expect(unchosen.body.string.contains("Choose the role of the new account"))
            #expect(unchosen.body.string.contains("value=\"sam@demo.invalid\""), "what was typed is kept")
            #expect(try await UserAccount.query(on: app.db).filter(\.$username ~~ ["sam", "sam@demo.invalid"]).count() == 0)
            #expect(try await admin.post("/admin/users", form: good).status == .created)
            let created = try #require(try await UserAccount.query(on: app.db).filter(\.$username == "sam@demo.invalid").first())
            let audited = try await AuditEventRecord.query(on: app.db).filter(\.$recordType == "accountData").filter(\.$recordID == created.id?.uuidString).count()
            #expect(audited == 1, "only the account actually created is audited")
        }
    }

    @Test func anAdminCannotDisableThemselvesAndCanEnableADisabledAccount() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let admin = try await SignedInClients.web(app, userID: DemoStaff.admin.id)
            try await admin.get("/admin/users")
            let own = try await admin.post("/admin/users/\(DemoStaff.admin.id.uuidString)/disable", form: [:])
            #expect(own.status == .conflict)
            #expect(own.body.string.contains("You cannot disable your own account"))
            let birch = DemoStaff.therapistBirch.id
            #expect(try await admin.post("/admin/users/\(birch.uuidString)/disable", form: [:]).status == .seeOther)
            let disabledPage = try await admin.get("/admin/users").body.string
            #expect(disabledPage.contains("/admin/users/\(birch.uuidString)/enable"))
            #expect(try await admin.post("/admin/users/\(birch.uuidString)/enable", form: [:]).status == .seeOther)
            #expect(try await UserAccount.find(birch, on: app.db)?.disabledAt == nil)
            let birchSession = try await SignedInClients.web(app, userID: birch)
            #expect(try await birchSession.get("/home").status == .ok)
            let therapist = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            try await therapist.get("/home")
            #expect(try await therapist.post("/admin/users/\(birch.uuidString)/enable", form: [:]).status == .notFound)
            let changes = try await AuditEventRecord.query(on: app.db).filter(\.$recordType == "accountData").filter(\.$recordID == birch.uuidString).all()
            #expect(changes.map(\.action) == ["write", "write"] && changes.allSatisfy { $0.actorID == DemoStaff.admin.id }, "disabling and enabling are audited")
        }
    }
}
