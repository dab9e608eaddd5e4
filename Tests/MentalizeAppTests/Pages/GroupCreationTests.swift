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
