import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

/// MBT-I psychoeducation: the first module always open, others unlocked by the therapist in step
/// with the group, progress recorded, and everything open once treatment has started.
@Suite struct LearningTests {
    @Test func theTherapistUnlocksModulesAndThePatientsProgressIsKept() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup: Devon is in the introductory group, on Birch's caseload
            let devon = DemoPatients.all[3]
            #expect(devon.phase == .mbtIntroductory)
            let library = try PsychoeducationLibrary.loadBundled()
            let modules = library.modules.sorted { $0.order < $1.order }
            #expect(modules.count == 12)
            let patient = try await SignedInClients.web(app, userID: devon.userID)
            let list = try await patient.get("/me/learning").body.string
            #expect(list.contains("href=\"/me/learning/\(modules[0].id)\"") && !list.contains("href=\"/me/learning/\(modules[1].id)\""))
            let locked = try await patient.get("/me/learning/\(modules[1].id)")
            #expect(locked.status == .seeOther && locked.headers.first(name: .location) == "/me/learning?notYet=1", "a locked module is not shown")
            #expect(try await patient.get("/me/learning?notYet=1").body.string.contains("That page opens later, in step with your group."))
            #expect(try await patient.get("/me/learning/no-such-module").status == .notFound)
            // act: the therapist unlocks module 2
            let birch = try await SignedInClients.web(app, userID: DemoStaff.therapistBirch.id)
            let staff = "/patients/\(devon.id.uuidString)/learning"
            try await birch.get(staff)
            #expect(try await birch.post(staff + "/unlock", form: ["moduleID": "nope"]).status == .badRequest)
            #expect(try await birch.post(staff + "/unlock", form: ["moduleID": modules[1].id]).status == .seeOther)
            // verify
            let page = try await patient.get("/me/learning/\(modules[1].id)")
            #expect(page.status == .ok && page.body.string.contains(modules[1].title.replacingOccurrences(of: "'", with: "&#39;")))
            #expect(try await patient.post("/me/learning/\(modules[1].id)/done", form: [:]).status == .seeOther)
            #expect(try await patient.get("/me/learning").body.string.contains("1 of 12 finished"))
            let progress = try #require(try await ModuleProgress.query(on: app.db).filter(\.$moduleID == modules[1].id).first())
            #expect(progress.$unlockedBy.id == DemoStaff.therapistBirch.id && progress.completedAt != nil)
            // Opening the page wrote nothing; its audited read is when the patient opened it.
            let lines = try await LearningPlan(database: app.db, library: try PsychoeducationLibrary.loadBundled()).lines(for: try #require(try await Patient.find(devon.id, on: app.db)))
            #expect(lines.first { $0.module.id == modules[1].id }?.opened != nil && lines.first { $0.module.id == modules[2].id }?.opened == nil)
            #expect(try await birch.get(staff).body.string.contains("<th scope=\"col\">Finished</th>"))
            // The patient cannot unlock for themselves; another therapist cannot either.
            try await patient.get("/me/learning")
            #expect(try await patient.post(staff + "/unlock", form: ["moduleID": modules[2].id]).status == .notFound)
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            try await ash.get("/home")
            #expect(try await ash.post(staff + "/unlock", form: ["moduleID": modules[2].id]).status == .notFound)
        }
    }

    @Test func everythingIsOpenOnceTreatmentHasStarted() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let avery = DemoPatients.all[0]
            let patient = try await SignedInClients.web(app, userID: avery.userID)
            let list = try await patient.get("/me/learning").body.string
            for module in try PsychoeducationLibrary.loadBundled().modules { #expect(list.contains("href=\"/me/learning/\(module.id)\"")) }
            let last = try #require(try PsychoeducationLibrary.loadBundled().modules.max { $0.order < $1.order })
            let page = try await patient.get("/me/learning/\(last.id)").body.string
            #expect(page.contains("Try this") && page.contains("<h2>"))
        }
    }
}
