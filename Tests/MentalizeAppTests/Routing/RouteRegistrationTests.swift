@testable import MentalizeApp
import Testing
import Vapor
import VaporTesting

/// Registration enforces each route's declared access: a handler whose shape does not match the
/// declaration is refused when the app starts, so no route can skip its policy check.
@Suite struct RouteRegistrationTests {
    @Test func aPatientRecordRouteCannotBeRegisteredWithAPlainHandler() async throws {
        try await withTestApp { app in
            // act
            let refusal = #expect(throws: RouteDeclarationMismatch.self) {
                try app.routes.get(.patientMeasures) { _ in "unchecked" }
            }
            // verify
            #expect(refusal?.route == .patientMeasures)
        }
    }

    @Test func aRouteThatNamesNoPatientCannotTakeAnAuthorisedPatient() async throws {
        try await withTestApp { app in
            #expect(throws: RouteDeclarationMismatch.self) {
                try app.routes.get(.schedule) { (_: Request, _: AuthorisedPatient) in "unchecked" }
            }
            #expect(throws: RouteDeclarationMismatch.self) {
                try app.routes.get(.caseload) { (_: Request, _: PatientListScope) in "unchecked" }
            }
        }
    }
}
