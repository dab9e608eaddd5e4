import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

@Suite struct RoleGatedPagesTests {
    static let people: [(role: Role, userID: UUID)] = [
        (.therapist, DemoStaff.therapistAsh.id), (.supervisor, DemoStaff.supervisor.id), (.programmeLead, DemoStaff.lead.id),
        (.admin, DemoStaff.admin.id), (.patient, DemoPatients.all[0].userID),
    ]

    @Test func everyRoleGatedPageAnswersOnlyItsRolesAndOthersGet404() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            var checked = 0
            let pages = Set(app.routes.all.filter { $0.method == .GET }.map { "/" + $0.path.map(\.description).joined(separator: "/") })
            for route in SiteRoute.allCases where !route.rawValue.contains(":") && pages.contains(route.path) {
                guard case .roles(let allowed) = route.access else { continue }
                for person in Self.people {
                    let client = try await SignedInClients.web(app, userID: person.userID)
                    let status = try await client.get(route.path).status
                    #expect(status == (allowed.contains(person.role) ? .ok : .notFound), "\(person.role) on \(route.rawValue): \(status.code)")
                    checked += 1
                }
            }
            #expect(checked >= 20)
        }
    }

    @Test func anAdminCreatesAndDisablesAnAccountFromThePage() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let admin = try await SignedInClients.web(app, userID: DemoStaff.admin.id)
            try await admin.get("/admin/users")
            let weak = try await admin.post("/admin/users", form: ["username": "sam@demo.invalid", "displayName": "Sam New", "role": "therapist", "password": "password1234"])
            #expect(weak.status == .badRequest)
            #expect(weak.body.string.contains("too common"))
            #expect(weak.body.string.contains("value=\"sam@demo.invalid\""), "what was typed is kept")
            let created = try await admin.post("/admin/users", form: ["username": "sam@demo.invalid", "displayName": "Sam New", "role": "therapist", "password": "a fine long passphrase"])
            #expect(created.status == .created)
            let sam = try #require(try await UserAccount.query(on: app.db).filter(\.$username == "sam@demo.invalid").first())
            let samSession = try await SignedInClients.web(app, userID: try sam.requireID())
            #expect(try await samSession.get("/home").status == .ok)
            #expect(try await admin.post("/admin/users/\(try sam.requireID().uuidString)/disable", form: [:]).status == .seeOther)
            #expect(try await samSession.get("/home").status == .seeOther, "disabling ended the session")
        }
    }

    @Test func aLeadChangesACaseloadAndAccessFollowsAtOnce() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let devon = DemoPatients.all[3]
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            #expect(try await ash.get("/patients/\(devon.id.uuidString)").status == .notFound)
            let lead = try await SignedInClients.web(app, userID: DemoStaff.lead.id)
            try await lead.get("/care-team")
            let added = try await lead.post("/care-team", form: ["kind": "caseload", "therapistID": DemoStaff.therapistAsh.id.uuidString, "patientID": devon.id.uuidString])
            #expect(added.status == .seeOther)
            #expect(try await ash.get("/patients/\(devon.id.uuidString)").status == .ok)
            let assignment = try #require(try await CaseloadAssignmentRecord.query(on: app.db).filter(\.$patient.$id == devon.id).filter(\.$therapist.$id == DemoStaff.therapistAsh.id).first())
            try await lead.get("/care-team")
            #expect(try await lead.post("/care-team/\(try assignment.requireID().uuidString)/end", form: [:]).status == .seeOther)
            app.clock.advance(by: 1)
            #expect(try await ash.get("/patients/\(devon.id.uuidString)").status == .notFound)
            let audited = try await AuditEventRecord.query(on: app.db).filter(\.$recordType == "caseload-assignment").count()
            #expect(audited == 2)
            let forged = try await lead.post("/care-team", form: ["kind": "caseload", "therapistID": DemoStaff.admin.id.uuidString, "patientID": devon.id.uuidString])
            #expect(forged.status == .badRequest, "only therapists can hold a caseload")
        }
    }
}
