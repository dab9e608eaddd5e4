import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

/// A patient reaches the portal through an invitation from their chart: a single-use link emailed
/// to the address in their details, which lets them choose a password and links the new account
/// to their record, once.
@Suite struct PortalInvitationTests {
    /// Gray is in assessment, on Ash's caseload, without a portal account.
    let gray = DemoPatients.all[6]
    static let email = "gray.t@example.org"
    static let password = "lantern-orchard-violet-42"

    /// Sets the email address in Gray's registration details ("" for none).
    private func giveEmail(_ app: Application, _ email: String = Self.email) async throws {
        let details = try #require(try await PatientDetailsStore(database: app.db).details(patientID: gray.id))
        details.email = email
        try await details.update(on: app.db)
    }

    private var chart: String { SiteRoute.patient.path(patient: gray.id) }
    private var invite: String { SiteRoute.patientInvitation.path(patient: gray.id) }

    @Test func theTherapistInvitesAndThePatientChoosesAPasswordOnce() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            #expect(try await ash.get(chart).body.string.contains("Not invited to the portal yet."))
            try await giveEmail(app, "")
            // Without an email address there is nowhere to send it.
            let noEmail = try await ash.post(invite, form: ["confirm": "send"])
            #expect(noEmail.status == .conflict && noEmail.body.string.contains("Add the patient&#39;s email address"))
            #expect(try await OutboxInspection.items(app).isEmpty)

            try await giveEmail(app)
            #expect(try await ash.post(invite, form: ["confirm": "send"]).status == .seeOther)
            #expect(try await ash.get(chart).body.string.contains("Invited; the link works until:"))
            let first = try #require(try await OutboxInspection.items(app, kind: .invitation).first)
            #expect(first.message.recipient == Self.email && first.message.channel == "email" && first.message.status == "queued")
            let firstLink = try #require(OutboxInspection.linkPath(first))
            #expect(firstLink.hasPrefix("/activate/"))
            // Nothing about the person or their care in the email.
            let text = (first.content?.subject ?? "") + (first.content?.body ?? "")
            #expect(!text.contains("Gray") && !text.contains("Testpatient") && !text.contains("assessment"))

            // A new invitation replaces the first: its link no longer works.
            #expect(try await ash.post(invite, form: ["confirm": "send"]).status == .seeOther)
            let items = try await OutboxInspection.items(app, kind: .invitation)
            #expect(items.count == 2)
            let link = try #require(OutboxInspection.linkPath(items[1]))
            let visitor = WebClient(app: app)
            #expect(try await visitor.get(firstLink).status == .notFound)

            let page = try await visitor.get(link)
            #expect(page.status == .ok && page.body.string.contains("value=\"\(Self.email)\" readonly") && !page.body.string.contains("Gray"))
            let mismatch = try await visitor.post(link, form: ["password": Self.password, "passwordAgain": Self.password + "x"])
            #expect(mismatch.status == .badRequest && mismatch.body.string.contains("not the same"))
            let weak = try await visitor.post(link, form: ["password": "password", "passwordAgain": "password"])
            #expect(weak.status == .badRequest)
            let done = try await visitor.post(link, form: ["password": Self.password, "passwordAgain": Self.password])
            #expect(done.status == .seeOther && done.headers.first(name: .location) == SignInNotice.activated.signInPath)

            let patient = try #require(try await Patient.find(gray.id, on: app.db))
            let account = try #require(try await UserAccount.query(on: app.db).filter(\.$username == Self.email).first())
            #expect(patient.$user.id == account.id && account.roleNames == ["patient"])
            #expect(try await visitor.get(link).status == .notFound)
            #expect(try await visitor.post(link, form: ["password": Self.password, "passwordAgain": Self.password]).status == .notFound)

            // The patient signs in without a second factor and lands on their own home.
            let signedIn = WebClient(app: app)
            let response = try await signedIn.signIn(Self.email, Self.password)
            #expect(response.status == .seeOther && response.headers.first(name: .location) == SiteRoute.dashboard.path)
            #expect(try await signedIn.get(SiteRoute.myDiary.path).status == .ok)

            // The chart now says the account is active and offers no invitation.
            let after = try await ash.get(chart).body.string
            #expect(after.contains("Has a portal account:") && !after.contains("action=\"\(invite)\""))
            #expect(try await ash.post(invite, form: ["confirm": "send"]).status == .conflict)
        }
    }

    @Test func aWithdrawnOrExpiredInvitationNoLongerWorks() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            try await giveEmail(app)
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            try await ash.get(chart)
            #expect(try await ash.post(invite, form: ["confirm": "send"]).status == .seeOther)
            let withdrawn = try #require(try await OutboxInspection.items(app).last?.content?.linkPath)
            #expect(try await ash.post(SiteRoute.patientInvitationRevoke.path(patient: gray.id), form: ["confirm": "revoke"]).status == .seeOther)
            #expect(try await WebClient(app: app).get(withdrawn).status == .notFound)
            #expect(try await ash.get(chart).body.string.contains("Not invited to the portal yet."))

            #expect(try await ash.post(invite, form: ["confirm": "send"]).status == .seeOther)
            let expiring = try #require(try await OutboxInspection.items(app).last?.content?.linkPath)
            app.clock.advance(by: 72 * 3600 + 1)
            let spent = try await WebClient(app: app).get(expiring)
            #expect(spent.status == .notFound && spent.body.string.contains("ask your care team to send a new invitation"))
            let later = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            #expect(try await later.get(chart).body.string.contains("The invitation expired:"))
        }
    }

    @Test func onlyThosePatientsCareTeamMayInvite() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            try await giveEmail(app)
            for userID in [DemoStaff.therapistBirch.id, DemoStaff.admin.id, DemoPatients.all[0].userID] {
                let client = try await SignedInClients.web(app, userID: userID)
                try await client.get(SiteRoute.dashboard.path)
                #expect(try await client.post(invite, form: ["confirm": "send"]).status == .notFound, "\(userID)")
            }
            #expect(try await OutboxInspection.items(app).isEmpty)
        }
    }

    @Test func anAccountBelongsToOnePatientRecord() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let accounts = AccountService(database: app.db, hasher: app.passwordHasher, passwordPolicy: try app.passwordPolicy, now: app.clock.now())
            // A patient account without its record, or with a record that has one, is refused.
            await #expect(throws: AccountService.Problem.self) {
                try await accounts.create(clinicID: DemoSeed.clinicID, username: "new@example.org", displayName: "New", roles: ["patient"], password: Self.password)
            }
            await #expect(throws: AccountService.Problem.self) {
                try await accounts.create(clinicID: DemoSeed.clinicID, username: "new@example.org", displayName: "New", roles: ["patient"],
                                          patientID: DemoPatients.all[0].id, password: Self.password)
            }
            await #expect(throws: AccountService.Problem.self) {
                try await accounts.create(clinicID: DemoSeed.clinicID, username: "new@example.org", displayName: "New", roles: ["therapist"], patientID: gray.id, password: Self.password)
            }
            let created = try await accounts.create(clinicID: DemoSeed.clinicID, username: "new@example.org", displayName: "New", roles: ["patient"], patientID: gray.id, password: Self.password)
            #expect(try await Patient.find(gray.id, on: app.db)?.$user.id == created.id)
            // The same account cannot be linked to a second record.
            #expect(try await !PatientAccountStore(database: app.db).link(patientID: DemoPatients.all[7].id, to: try created.requireID()))
            // The admin page asks for the record too, and refuses one that already has an account.
            let admin = try await SignedInClients.web(app, userID: DemoStaff.admin.id)
            try await admin.get(SiteRoute.adminUsers.path)
            var form = ["username": "other@example.org", "displayName": "Other", "role": "patient", "password": Self.password]
            let missing = try await admin.post(SiteRoute.adminUsers.path, form: form)
            #expect(missing.status == .badRequest && missing.body.string.contains("must name their patient record"))
            form["patientID"] = gray.id.uuidString
            #expect(try await admin.post(SiteRoute.adminUsers.path, form: form).body.string.contains("already has a portal account"))
            form["patientID"] = DemoPatients.all[7].id.uuidString
            #expect(try await admin.post(SiteRoute.adminUsers.path, form: form).status == .created)
            #expect(try await Patient.find(DemoPatients.all[7].id, on: app.db)?.$user.id != nil)
        }
    }
}
