import Fluent
import Foundation
@testable import MentalizeApp
import Testing
import VaporTesting

/// Issue 15: a form that cannot be read as the page's fields is an error the person sees, with
/// what they typed shown back, never a silently empty form; and nothing is saved.
@Suite struct MalformedFormTests {
    @Test func aMessageWhoseBodyIsNotTextIsRefusedAndTheTypedTextShownBack() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup
            let patient = try await SignedInClients.web(app, userID: DemoPatients.all[0].userID)
            try await patient.get("/me/messages")
            // act: "body" arrives as a nested field, not as text
            let response = try await patient.post("/me/messages/new", form: ["subject": "Tuesday", "body[part]": "I would like to talk about Tuesday's session.", "key": UUID().uuidString])
            // verify
            #expect(response.status == .badRequest)
            let page = response.body.string
            #expect(page.contains("This was not saved") && page.contains("I would like to talk about Tuesday&#39;s session."))
            #expect(try await SecureMessage.query(on: app.db).count() == 0)
        }
    }

    @Test func theApiGetsProblemJSONForAMalformedForm() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // act: a field that must be an id holds something else
            let lead = try await SignedInClients.web(app, userID: DemoStaff.lead.id)
            try await lead.get("/care-team")
            let response = try await lead.post("/care-team", form: ["kind": "caseload", "therapistID": "not-a-uuid", "patientID": DemoPatients.all[0].id.uuidString],
                                               headers: ["Accept": "application/json"])
            // verify
            #expect(response.status == .badRequest)
            #expect(response.headers.contentType?.description.hasPrefix("application/problem+json") == true)
            #expect(try await CaseloadAssignmentRecord.query(on: app.db).filter(\.$patient.$id == DemoPatients.all[0].id).count() == 1)
        }
    }
}
