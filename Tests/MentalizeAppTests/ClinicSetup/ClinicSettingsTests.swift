import Fluent
import Foundation
@testable import MentalizeApp
import Testing
import VaporTesting

/// The clinic settings page: the admin changes office hours, the out-of-hours instruction and the
/// helplines (what every patient page shows); a programme lead may read it; every change is audited.
@Suite struct ClinicSettingsTests {
    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday"]

    static func settingsForm(saturday: (String, String) = ("", ""), outOfHours: String = "") -> [String: String] {
        var form = ["name": "Demo MBT Clinic (synthetic data)", "timeZone": "Europe/London", "locale": "en", "publicURL": "https://mbt.harbour.example",
                    "outOfHoursText": outOfHours, "saturdayOpens": saturday.0, "saturdayCloses": saturday.1, "sundayOpens": "", "sundayCloses": ""]
        for day in weekdays { (form["\(day)Opens"], form["\(day)Closes"]) = ("09:00", "17:00") }
        return form
    }

    private func admin(_ app: Application) async throws -> WebClient {
        let client = try await SignedInClients.web(app, userID: DemoStaff.admin.id)
        #expect(try await client.get(SiteRoute.clinicSettings.path).status == .ok)
        return client
    }

    @Test func officeHoursAndTheOutOfHoursTextDecideWhatAPatientIsTold() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let admin = try await admin(app)
            let saved = try await admin.post(SiteRoute.clinicSettingsSave.path, form: Self.settingsForm(saturday: ("10:00", "14:00"), outOfHours: "Out of hours, call the Harbour crisis team on 0300 123 4567."))
            #expect(saved.status == .seeOther)
            let clinic = try #require(try await Clinic.find(DemoSeed.clinicID, on: app.db))
            #expect(clinic.officeHours?.contains("saturday=10:00-14:00") == true && clinic.publicURL == "https://mbt.harbour.example")

            RiskAlertNoticeTests.setClock(app, "2026-11-21T11:00:00Z") // Saturday 11:00 in London: now open
            let hours = try #require(try await ClinicHours.load(on: app.db))
            #expect(TeamAvailability.at(app.clock.now(), hours: hours).open)
            RiskAlertNoticeTests.setClock(app, "2026-11-21T23:37:00Z")
            let night = TeamAvailability.at(app.clock.now(), hours: hours)
            #expect(!night.open && night.nextOpening == "Monday 23 November at 09:00" && night.clinicText?.contains("Harbour crisis team") == true)

            let audited = try await AuditEventRecord.query(on: app.db).filter(\.$recordType == "clinicSettings").all()
            #expect(audited.count == 1 && audited.first?.actorID == DemoStaff.admin.id)
        }
    }

    @Test func theDefaultLanguageDecidesForPeopleWhoHaveNotChosenAndCanBeLeftToTheBrowser() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let admin = try await admin(app)
            let patient = try await SignedInClients.web(app, userID: DemoPatients.all[0].userID)
            func pageLanguage() async throws -> String? {
                try await patient.get("/home", headers: ["Accept-Language": "en"]).headers.first(name: .contentLanguage)
            }
            var form = Self.settingsForm()
            form["locale"] = "nl"
            #expect(try await admin.post(SiteRoute.clinicSettingsSave.path, form: form).status == .seeOther)
            #expect(try await Clinic.find(DemoSeed.clinicID, on: app.db)?.defaultLanguage == "nl")
            #expect(try await pageLanguage() == "nl", "the clinic's default comes before the browser's wish")
            form["locale"] = "xx"
            #expect(try await admin.post(SiteRoute.clinicSettingsSave.path, form: form).status == .badRequest)
            form["locale"] = ""
            #expect(try await admin.post(SiteRoute.clinicSettingsSave.path, form: form).status == .seeOther)
            #expect(try await Clinic.find(DemoSeed.clinicID, on: app.db)?.defaultLanguage == nil)
            #expect(try await pageLanguage() == "en", "with no default, the browser decides")
            let page = try await admin.get(SiteRoute.clinicSettings.path).body.string
            #expect(page.contains("<option value=\"\">Each person&#39;s browser decides</option>") || page.contains("<option value=\"\">Each person's browser decides</option>"))
        }
    }

    @Test func impossibleHoursAreRefusedAndNothingIsSaved() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let admin = try await admin(app)
            var form = Self.settingsForm()
            form["mondayOpens"] = "17:00"
            form["mondayCloses"] = "09:00"
            form["tuesdayCloses"] = ""
            let refused = try await admin.post(SiteRoute.clinicSettingsSave.path, form: form)
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("Monday: a day closes (09:00) before it opens (17:00)") && refused.body.string.contains("Tuesday: give an opening and a closing time"))
            #expect(try await Clinic.find(DemoSeed.clinicID, on: app.db)?.officeHours == nil)
        }
    }

    @Test func helplinesAreAddedReorderedEditedAndNeverAllRemoved() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let admin = try await admin(app)
            let queries = ClinicSettingsQueries(database: app.db)
            #expect(try await admin.post(SiteRoute.clinicHelplineAdd.path, form: ["name": "Crisis team", "number": "call us", "hours": ""]).status == .badRequest)
            #expect(try await admin.post(SiteRoute.clinicHelplineAdd.path, form: ["name": "Crisis team", "number": "0300 123 4567", "hours": "Evenings"]).status == .seeOther)
            var lines = try await queries.helplines(clinicID: DemoSeed.clinicID)
            #expect(lines.map(\.name) == ["Emergency services", "Samaritans", "113 Zelfmoordpreventie", "Alarmnummer", "Crisis team"])
            let crisis = try lines[4].requireID()
            for _ in 1...4 {
                #expect(try await admin.post(SiteRoute.clinicHelplineMove.path(helpline: crisis), form: ["direction": "up"]).status == .seeOther)
            }
            #expect(try await admin.post(SiteRoute.clinicHelplineSave.path(helpline: crisis), form: ["name": "Harbour crisis team", "number": "0300 123 4567", "hours": "18:00-08:00"]).status == .seeOther)
            lines = try await queries.helplines(clinicID: DemoSeed.clinicID)
            #expect(lines.map(\.name) == ["Harbour crisis team", "Emergency services", "Samaritans", "113 Zelfmoordpreventie", "Alarmnummer"]
                && lines.map(\.position) == [0, 1, 2, 3, 4])
            // Every patient page shows the new order (a line for any language leads in every language).
            let patient = try await SignedInClients.web(app, userID: DemoPatients.all[0].userID)
            let plan = try await patient.get(SiteRoute.myCrisisPlan.path).body.string
            let first = try #require(plan.range(of: "tel:03001234567"))
            let second = try #require(plan.range(of: "tel:999"))
            #expect(first.lowerBound < second.lowerBound)

            for line in lines.dropLast() {
                #expect(try await admin.post(SiteRoute.clinicHelplineRemove.path(helpline: try line.requireID()), form: [:]).status == .seeOther)
            }
            let last = try #require(try await queries.helplines(clinicID: DemoSeed.clinicID).first)
            let refused = try await admin.post(SiteRoute.clinicHelplineRemove.path(helpline: try last.requireID()), form: [:])
            #expect(refused.status == .conflict && refused.body.string.contains("at least one helpline"))
            #expect(try await queries.helplines(clinicID: DemoSeed.clinicID).count == 1)
            #expect(try await AuditEventRecord.query(on: app.db).filter(\.$recordType == "clinicSettings").count() == 10)
        }
    }

    @Test func theLeadReadsOthersGetNotFoundAndTheOutboxShowsNoContent() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let lead = try await SignedInClients.web(app, userID: DemoStaff.lead.id)
            let page = try await lead.get(SiteRoute.clinicSettings.path)
            #expect(page.status == .ok && page.body.string.contains("the clinic&#39;s administrator changes them") && !page.body.string.contains("Save settings"))
            #expect(try await lead.post(SiteRoute.clinicSettingsSave.path, form: Self.settingsForm()).status == .notFound)
            #expect(try await lead.get(SiteRoute.adminOutbox.path).status == .notFound)
            for userID in [DemoStaff.therapistAsh.id, DemoPatients.all[0].userID] {
                let client = try await SignedInClients.web(app, userID: userID)
                #expect(try await client.get(SiteRoute.clinicSettings.path).status == .notFound)
            }
            // A reset email waits in the outbox: the admin sees its kind and recipient, never its link.
            let visitor = WebClient(app: app)
            try await visitor.get(SiteRoute.forgotPassword.path)
            try await visitor.post(SiteRoute.forgotPassword.path, form: ["email": DemoStaff.lead.username])
            let outbox = try await SignedInClients.web(app, userID: DemoStaff.admin.id).get(SiteRoute.adminOutbox.path).body.string
            #expect(outbox.contains("Password reset") && outbox.contains(DemoStaff.lead.username) && outbox.contains("Waiting"))
            #expect(!outbox.contains("/reset-password/") && !outbox.contains("Choose a new"))
        }
    }
}
