import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

@Suite struct FormulationFlowTests {
    let avery = DemoPatients.all[0]  // Ash's patient with a portal account; the demo shares version 2, not agreed

    @Test func theTherapistSavesVersionsAndThePatientReadsOnlyTheLatestShared() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let path = "/patients/\(avery.id.uuidString)/formulation"
            #expect(try await ash.get(path).body.string.contains("Notice feelings earlier and name them."))
            // a draft, not shared
            #expect(try await ash.post(path + "/versions", form: ["treatmentGoals": "Draft goal <b>not</b> shared yet"]).status == .seeOther)
            let patient = try await SignedInClients.web(app, userID: avery.userID)
            let mine = try await patient.get("/me/formulation").body.string
            #expect(mine.contains("Version 2") && !mine.contains("Draft goal"))
            #expect(mine.contains("I agree with this version"))
            // the patient never opens the staff page (drafts), even for their own record
            #expect(try await patient.get(path).status == .notFound)
            #expect(try await patient.get("/patients/\(avery.id.uuidString)/events").status == .notFound)
            // bad input
            try await ash.get(path)
            #expect(try await ash.post(path + "/versions", form: ["strengths": "  "]).status == .badRequest)
            #expect(try await ash.post(path + "/versions", form: ["strengths": "ok", "modes[]": "magical"]).status == .badRequest)
            #expect(try await FormulationVersion.query(on: app.db).filter(\.$patient.$id == avery.id).count() == 3, "every version kept, nothing for bad input")
        }
    }

    @Test func aDraftIsSharedAsItStandsWithoutSavingItAgain() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup: a draft version 3
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let path = "/patients/\(avery.id.uuidString)/formulation"
            try await ash.get(path)
            #expect(try await ash.post(path + "/versions", form: ["treatmentGoals": "Notice the pull to act before thinking."]).status == .seeOther)
            let page = try await ash.get(path).body.string
            #expect(page.contains("Share it now, as it stands") && page.contains("/formulation/versions/3/share"))
            let chartPath = "/patients/\(avery.id.uuidString)"
            #expect(try await ash.get(chartPath).body.string.contains("Shared with the patient: version 2: <strong>Not yet agreed"), "the chart speaks of what the patient read")
            // act: bad version numbers are refused, then version 3 is shared
            #expect(try await ash.post(path + "/versions/9/share", form: [:]).status == .badRequest)
            try await ash.get(path)
            #expect(try await ash.post(path + "/versions/three/share", form: [:]).status == .badRequest)
            try await ash.get(path)
            #expect(try await ash.post(path + "/versions/3/share", form: [:]).status == .seeOther)
            // verify: no new version, the patient reads it, the button is gone
            #expect(try await FormulationVersion.query(on: app.db).filter(\.$patient.$id == avery.id).count() == 3)
            let patient = try await SignedInClients.web(app, userID: avery.userID)
            let mine = try await patient.get("/me/formulation").body.string
            #expect(mine.contains("Version 3") && mine.contains("Notice the pull to act before thinking."))
            #expect(!(try await ash.get(path).body.string.contains("Share it now, as it stands")))
            #expect(try await ash.get(chartPath).body.string.contains("Shared with the patient: version 3:"))
            // Nobody outside Avery's care shares it.
            let birch = try await SignedInClients.web(app, userID: DemoStaff.therapistBirch.id)
            try await birch.get("/home")
            #expect(try await birch.post(path + "/versions/3/share", form: [:]).status == .notFound)
            #expect(try await patient.post(path + "/versions/3/share", form: [:]).status == .notFound)
        }
    }

    @Test func thePatientAgreesToTheVersionTheyReadAndComments() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let patient = try await SignedInClients.web(app, userID: avery.userID)
            try await patient.get("/me/formulation")
            #expect(try await patient.post("/me/formulation", form: ["do": "agree", "version": "1"]).status == .conflict, "only the version on the page")
            #expect(try await patient.post("/me/formulation", form: ["do": "agree", "version": "2"]).status == .seeOther)
            #expect(try await patient.post("/me/formulation", form: ["do": "agree", "version": "2"]).status == .seeOther, "agreeing twice records it once")
            #expect(try await FormulationResponse.query(on: app.db).filter(\.$kind == "agreement").count() == 1)
            let agreed = try await patient.get("/me/formulation").body.string
            #expect(agreed.contains("You agreed with this version on"))
            #expect(try await patient.post("/me/formulation", form: ["do": "comment", "text": ""]).status == .badRequest)
            try await patient.get("/me/formulation")
            #expect(try await patient.post("/me/formulation", form: ["do": "comment", "text": "It is more about my sister <than> my friends."]).status == .seeOther)
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let staff = try await ash.get("/patients/\(avery.id.uuidString)/formulation").body.string
            #expect(staff.contains("It is more about my sister &lt;than&gt; my friends."))
            #expect(try await ash.get("/patients/\(avery.id.uuidString)").body.string.contains("Agreed by the patient"))
            // a newer shared version asks for agreement again
            try await ash.post("/patients/\(avery.id.uuidString)/formulation/versions", form: ["strengths": "Keeps going to work", "share": "on"])
            let newer = try await patient.get("/me/formulation").body.string
            #expect(newer.contains("Version 3") && newer.contains("I agree with this version"))
        }
    }

    @Test func anyTwoVersionsCanBeComparedAndTheDiffIsEscaped() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            let path = "/patients/\(avery.id.uuidString)/formulation"
            try await ash.get(path)
            try await ash.post(path + "/versions", form: ["treatmentGoals": "Notice <script>alert(1)</script> feelings earlier"])
            let latest = try await ash.get(path + "/compare").body.string
            #expect(latest.contains("Version 2 → Version 3"))
            #expect(latest.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !latest.contains("<script>alert"))
            let chosen = try await ash.get(path + "/compare?from=1&to=2").body.string
            #expect(chosen.contains(/<ins><span class="visually-hidden">added: <\/span>[^<]*plans change at the last minute/))
            #expect(chosen.contains(/When a friend does not reply to a <del><span class="visually-hidden">removed: <\/span>message\./))
            #expect(chosen.contains("teleological"))
            #expect(try await ash.get(path + "/compare?from=nine&to=-1").status == .ok, "unknown numbers fall back to the latest two")
        }
    }
}
