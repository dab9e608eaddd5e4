import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

/// A clinician's training record: courses added with what a scheme counts them as, checked,
/// removed only by their owner, every change audited; nobody else's record is reachable.
@Suite struct TrainingLedgerTests {
    @Test func aTherapistRecordsCoursesThatSchemesCount() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            #expect(try await ash.get("/me/training").body.string.contains("No course recorded yet."))
            let today = try ClinicZone("Europe/London").localDate(of: app.clock.now())
            let course = ["name": "MBT basic training", "provider": "Anna Freud Centre", "days": "3", "completedOn": today.adding(days: -200).description,
                          "certificateReference": "AFC-2026-0142", "courseKey": "mbt-basic"]
            #expect(try await ash.post("/me/training", form: course, headers: ["X-Request-Id": "course-add"]).status == .seeOther)
            let page = try await ash.get("/me/training").body.string
            #expect(page.contains("MBT basic training<br><span class=\"hint\">Counts as: Anna Freud Centre: MBT practitioner: MBT basic course"))
            #expect(page.contains("AFC-2026-0142") && page.contains("<td>3</td>"))
            let event = try #require(try await AuditEventRecord.query(on: app.db).filter(\.$requestID == "course-add").first())
            #expect(event.recordType == "accountData" && event.recordID == DemoStaff.therapistAsh.id.uuidString && event.detail == "training course added: MBT basic training")

            let refusals: [([String: String], String)] = [
                (course.merging(["name": " "]) { $1 }, "course&#39;s name"),
                (course.merging(["days": "0"]) { $1 }, "1 to 60"),
                (course.merging(["completedOn": today.adding(days: 1).description]) { $1 }, "once it is completed"),
                (course.merging(["completedOn": "2026-02-30"]) { $1 }, "day the course was completed"),
                (course.merging(["courseKey": "made-up"]) { $1 }, "courses the schemes name"),
            ]
            for (form, words) in refusals {
                let refused = try await ash.post("/me/training", form: form)
                #expect(refused.status == .badRequest && (refused.body.string.contains(words) || refused.body.string.contains(words.replacingOccurrences(of: "&#39;", with: "'"))), "\(words)")
            }
            #expect(try await TrainingCourseRecord.query(on: app.db).count() == 1)

            let stored = try #require(try await TrainingCourseRecord.query(on: app.db).first())
            let removePath = "/me/training/courses/\(try stored.requireID().uuidString)/remove"
            let birch = try await SignedInClients.web(app, userID: DemoStaff.therapistBirch.id)
            try await birch.get("/me/training")
            #expect(try await birch.post(removePath, form: [:]).status == .notFound, "someone else's course is not there for Birch")
            #expect(!(try await birch.get("/me/training").body.string.contains("AFC-2026-0142")))
            #expect(try await ash.post(removePath, form: [:]).status == .seeOther)
            #expect(try await TrainingCourseRecord.query(on: app.db).count() == 0)
            let patient = try await SignedInClients.web(app, userID: DemoPatients.all[0].userID)
            #expect(try await patient.get("/me/training").status == .notFound)
        }
    }

    @Test func progressIsCountedFromCoursesAttendanceAndTheSupervisionLog() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            var page = try await ash.get("/me/training").body.string
            #expect(page.contains("0 of 16 supervision sessions"), "the Dutch register counts sessions from the log: none yet")
            #expect(page.contains("counted cases with 4 hours each"), "supervision per case is counted from the cases the log links")
            // Cedar logs one individual session (45 minutes) and a group of two for 120 minutes: 1 + 2 Dutch sessions.
            let cedar = try await SignedInClients.web(app, userID: DemoStaff.supervisor.id)
            try await cedar.get("/supervision")
            let today = try ClinicZone("Europe/London").localDate(of: app.clock.now()).description
            let ashBox = "supervisee.\(DemoStaff.therapistAsh.id.uuidString)"
            let (avery, blake) = ("case.\(DemoPatients.all[0].id.uuidString)", "case.\(DemoPatients.all[1].id.uuidString)")
            let supervisionPage = try await cedar.get("/supervision").body.string
            #expect(supervisionPage.contains("A.T. · Robin Ash (demo therapist)") && !supervisionPage.contains("Avery"), "cases to link by initials")
            let stray = try await cedar.post("/supervision/sessions", form: ["heldOn": today, "minutes": "45", "format": "individual", ashBox: "on", blake: "on",
                                                                             "material": "recorded", "attested": "on"])
            #expect(stray.status == .badRequest && stray.body.string.contains("Choose cases from the caseloads of the supervisees in the session."))
            #expect(try await cedar.post("/supervision/sessions", form: ["heldOn": today, "minutes": "45", "format": "individual", ashBox: "on", avery: "on",
                                                                         "material": "recorded", "attested": "on"]).status == .seeOther)
            #expect(try await cedar.post("/supervision/sessions", form: ["heldOn": today, "minutes": "120", "format": "group", ashBox: "on", avery: "on", blake: "on",
                                                                         "supervisee.\(DemoStaff.therapistBirch.id.uuidString)": "on", "material": "none", "attested": "on"]).status == .seeOther)
            let logged = try await SupervisionSessionRecord.query(on: app.db).all().map(\.casesText).sorted()
            #expect(logged == ["A.T.", "A.T., B.T."], "the log's text holds the initials of the linked cases")
            let record = try await TrainingProgressQueries(database: app.db).record(of: DemoStaff.therapistAsh.id, courses: [])
            #expect(record.cases.map(\.supervisionMinutes).sorted().last == 45 + 60, "Avery's case: the 45 minutes, and half of the group's 120 shared with Blake's")
            let course = ["name": "MBT basic training", "provider": "Anna Freud Centre", "days": "3", "completedOn": today, "certificateReference": "", "courseKey": "mbt-basic"]
            #expect(try await ash.post("/me/training", form: course).status == .seeOther)
            page = try await ash.get("/me/training").body.string
            #expect(page.contains("3 of 16 supervision sessions"))
            #expect(page.contains("<li class=\"met\"><span class=\"badge\">met</span> MBT basic course"), "the course counts")
            // Cases from attendance: Ash's individual patients and the Tuesday group, each below 24 sessions in the demo.
            let attended = try await AttendanceEntry.query(on: app.db).filter(\.$mark == "attended").all()
            #expect(!attended.isEmpty)
            #expect(page.contains("of 24 sessions or more") && !page.contains("<li class=\"met\"><span class=\"badge\">met</span> Cases treated"))
        }
    }
}
