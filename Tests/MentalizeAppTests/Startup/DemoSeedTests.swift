import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import Vapor

@Suite struct DemoSeedTests {
    @Test func theDemoHasTheClinicStaffPatientsAndGroupAndSeedingTwiceChangesNothing() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // verify the first seed
            #expect(try await Clinic.query(on: app.db).count() == 1)
            let patients = try await Patient.query(on: app.db).all()
            #expect(patients.count == 12)
            let phases = Set(patients.compactMap { ProgrammePhase(rawValue: $0.phase) })
            #expect(phases == Set(ProgrammePhase.allCases), "the patients cover every phase")
            let staff = try await UserAccount.query(on: app.db).filter(\.$roles != "patient").all()
            let roles = staff.flatMap(\.roleNames).sorted()
            #expect(roles == ["admin", "programmeLead", "supervisor", "therapist", "therapist"])
            #expect(try await TherapyGroup.query(on: app.db).count() == 2, "the Tuesday group and the MBT-I course")
            #expect(try await GroupTherapistRecord.query(on: app.db).count() == 3)
            #expect(try await SessionSeriesRecord.query(on: app.db).count() == 6, "four individual series, the group slot, the course")
            #expect(try await SessionNoteRecord.query(on: app.db).filter(\.$state == "signed").count() > 10)
            #expect(try await RiskAlert.query(on: app.db).count() == 0, "the demo starts without risk alerts")
            #expect(try await CaseloadAssignmentRecord.query(on: app.db).count() == 12)
            // every history follows the pathway to the patient's current phase
            for patient in patients {
                let moves = try await ProgrammeTransitionRecord.query(on: app.db).filter(\.$patient.$id == patient.id!).sort(\.$occurredAt).all()
                #expect(moves.last.map(\.toStatus) ?? "referral" == patient.phase)
            }
            #expect(try await SuitabilityDecisionRecord.query(on: app.db).count() == 8, "the 8 patients from MBT-I on were found suitable")
            let userCount = try await UserAccount.query(on: app.db).count()
            // act: seed again
            let key = try #require(app.storage[SecretKeyStorageKey.self])
            let seededAgain = try await DemoSeed.seedIfNeeded(on: app.db, hasher: app.passwordHasher, totpCipher: FieldCipher(secretKey: key, purpose: "totp"), now: app.clock.now())
            // verify nothing changed
            #expect(seededAgain == false)
            #expect(try await Patient.query(on: app.db).count() == 12)
            #expect(try await UserAccount.query(on: app.db).count() == userCount)
        }
    }

    @Test func demoNamesAreClearlySynthetic() {
        for patient in DemoPatients.all {
            #expect(patient.familyName == "Testpatient")
            #expect(patient.username.hasSuffix("@demo.invalid"))
        }
        for member in DemoStaff.all {
            #expect(member.displayName.contains("(demo"))
            #expect(member.username.hasSuffix("@demo.invalid"))
        }
    }
}
