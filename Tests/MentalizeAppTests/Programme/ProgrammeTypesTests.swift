import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

/// Programme types beyond adult MBT and MBT-A: added by the lead, offered at registration.
@Suite struct ProgrammeTypesTests {
    @Test func theLeadAddsAProgrammeTypeThatRegistrationOffers() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let lead = try await SignedInClients.web(app, userID: DemoStaff.lead.id)
            let page = try await lead.get("/programme/types").body.string
            #expect(page.contains("built in"))
            #expect(try await lead.post("/programme/types", form: ["name": " "]).status == .badRequest)
            #expect(try await lead.post("/programme/types", form: ["name": "MBT for families", "involvesCarer": "on"]).status == .seeOther)
            let again = try await lead.post("/programme/types", form: ["name": "mbt for Families"])
            #expect(again.status == .badRequest && again.body.string.contains("already exists"))
            let added = try #require(try await ProgrammeType.query(on: app.db).filter(\.$key == "mbt-for-families").first())
            #expect(added.involvesCarer && !added.builtIn)
            #expect(try await lead.get("/patients/new").body.string.contains("MBT for families"))
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            try await ash.get("/home")
            #expect(try await ash.post("/programme/types", form: ["name": "Sneaky"]).status == .notFound)
        }
    }
}
