import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

/// A therapist starts a slow-open group with a co-therapist; both then run it.
@Suite struct GroupCreationTests {
    @Test func aTherapistStartsAGroupWithACoTherapist() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            try await ash.get("/groups/new")
            #expect(try await ash.post("/groups/new", form: ["name": "x", "capacity": "8"]).status == .badRequest)
            let full = try await ash.post("/groups/new", form: ["name": "Thursday group", "capacity": "40"])
            #expect(full.status == .badRequest && full.body.string.contains("from 1 to 12") && full.body.string.contains("value=\"Thursday group\""))
            #expect(try await ash.post("/groups/new", form: ["name": "Thursday group", "capacity": "8", "coTherapistID": DemoStaff.supervisor.id.uuidString]).status == .badRequest)
            let created = try await ash.post("/groups/new", form: ["name": "Thursday group", "capacity": "8", "coTherapistID": DemoStaff.therapistBirch.id.uuidString])
            #expect(created.status == .seeOther)
            let group = try #require(try await TherapyGroup.query(on: app.db).filter(\.$name == "Thursday group").first())
            let team = try await GroupTherapistRecord.query(on: app.db).filter(\.$group.$id == group.requireID()).all().map(\.$therapist.id)
            #expect(Set(team) == [DemoStaff.therapistAsh.id, DemoStaff.therapistBirch.id] && group.capacity == 8)
            let birch = try await SignedInClients.web(app, userID: DemoStaff.therapistBirch.id)
            #expect(try await birch.get("/groups").body.string.contains("Thursday group"))
            #expect(try await birch.get(try #require(created.headers.first(name: .location))).status == .ok)
        }
    }
}

/// A therapist plans an MBT-I course with its curriculum; a clash is refused with the reason.
@Suite struct CourseCreationTests {
    @Test func aTherapistPlansAnMBTICourseAndAClashIsRefused() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            try await ash.get("/groups/new-course")
            let loader = try await ScheduleLoader.make(database: app.db, clinicID: try #require(try await Clinic.query(on: app.db).first()?.id))
            let first = loader.zone.localDate(of: app.clock.now().addingTimeInterval(10 * 7 * 86_400))
            var form = ["name": "Spring MBT-I", "capacity": "9", "curriculum": CourseDefaults.curriculum.prefix(9).joined(separator: "\n"),
                        "date": first.description, "time": "17:30", "minutes": "75", "modality": "video", "videoURL": "https://video.demo.invalid/r/spring"]
            let short = try await ash.post("/groups/new-course", form: form)
            #expect(short.status == .badRequest && short.body.string.contains("this has 9"))
            form["curriculum"] = CourseDefaults.curriculum.joined(separator: "\n")
            let planned = try await ash.post("/groups/new-course", form: form)
            #expect(planned.status == .seeOther)
            let group = try #require(try await TherapyGroup.query(on: app.db).filter(\.$name == "Spring MBT-I").first())
            let series = try #require(try await SessionSeriesRecord.query(on: app.db).filter(\.$group.$id == group.requireID()).first())
            #expect(series.kind == "course" && series.curriculum?.split(separator: "\n").count == 11)
            let page = try await ash.get(try #require(planned.headers.first(name: .location))).body.string
            #expect(page.contains("What mentalizing is"))
            form["name"] = "Clashing course"
            let clash = try await ash.post("/groups/new-course", form: form)
            #expect(clash.status == .conflict && clash.body.string.contains("Robin Ash"))
            #expect(try await TherapyGroup.query(on: app.db).filter(\.$name == "Clashing course").count() == 0)
        }
    }
}
