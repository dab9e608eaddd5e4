import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing
import VaporTesting

/// The demo's two-year cohort gives the lead's outcome figures real numbers: over two years every
/// PHQ-9 and GAD-7 figure is large enough to show, and so are attendance, completion, time to
/// treatment and drop-out; the demo therapists' own caseloads are untouched.
@Suite struct DemoCohortTests {
    @Test func twoYearsOfTheCohortShowEveryFigure() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            let caseloadBefore = try await CaseloadAssignmentRecord.query(on: app.db).filter(\.$therapist.$id == DemoStaff.therapistAsh.id).count()
            try await app.db.transaction { db in try await DemoCohort.seed(clinicID: DemoSeed.clinicID, now: app.clock.now(), on: db) }
            #expect(try await Patient.query(on: app.db).count() == DemoPatients.all.count + DemoCohort.size)
            #expect(try await CaseloadAssignmentRecord.query(on: app.db).filter(\.$therapist.$id == DemoStaff.therapistAsh.id).count() == caseloadBefore)
            let today = try ClinicZone("Europe/London").localDate(of: app.clock.now())
            let lead = try await SignedInClients.web(app, userID: DemoStaff.lead.id)
            let csv = try await lead.get("/programme/outcomes.csv?from=\(today.adding(days: -730))&to=\(today)").body.string
            let lines = csv.split(separator: "\r\n").map(String.init)
            for instrument in ["phq-9", "gad-7"] {
                for figure in ["reliable improvement", "reliable recovery", "no reliable change", "reliable deterioration"] {
                    let line = lines.first { $0.contains(",outcome,\(instrument),\(figure),") }
                    #expect(line?.hasSuffix("%") == true, "\(instrument) \(figure): \(line ?? "missing")\n\(csv)")
                }
            }
            for section in [",attendance,", ",questionnaires,", ",drop-out,"] {
                #expect(lines.first { $0.contains(section) }?.hasSuffix("%") == true, "\(section)\n\(csv)")
            }
            #expect(lines.first { $0.contains(",time to treatment,") }?.contains(",,median days from referral,1") == true, "\(csv)")
        }
    }
}
