import Fluent
import Foundation
import MentalizeCore

/// The demo patients' programme histories: the moves that bring each one to their current phase,
/// a week apart, with the suitability decision before MBT-I, all through the pathway rules.
enum DemoHistory {
    static let route: [ProgrammePhase] = [.referral, .assessment, .mbtIntroductory, .treatment, .ending, .followUp, .discharged]

    static func seed(patient: DemoPatients.Member, therapistID: UUID, from start: Date, on db: any Database) async throws {
        try await Referral(patientID: patient.id, source: "Demo GP practice (synthetic)", receivedOn: AuditTime.iso8601(start).prefix(10).description,
                           reason: "Demo referral (synthetic record).", urgency: "routine", createdBy: therapistID).create(on: db)
        guard let last = route.firstIndex(of: patient.phase), last > 0 else { return }
        var facts = PathwayFacts()
        for step in 1...last {
            let at = start.addingTimeInterval(Double(step) * 7 * 86_400)
            if route[step] == .mbtIntroductory {
                try await SuitabilityDecisionRecord(patientID: patient.id, decision: SuitabilityDecision.suitable.rawValue,
                                                    reasons: "Demo MDT: criteria met, willing to engage (synthetic record).", decidedAt: at, decidedBy: therapistID).create(on: db)
                facts.suitability = .suitable
            }
            let from = ProgrammeStatus.inPhase(route[step - 1])
            let to = ProgrammeStatus.inPhase(route[step])
            try ProgrammePathway.check(from: from, to: to, facts: facts)
            try await ProgrammeTransitionRecord(patientID: patient.id, fromStatus: from.storageValue, toStatus: to.storageValue, occurredAt: at,
                                                reason: "Demo: planned step (synthetic record).", decidedBy: therapistID).create(on: db)
        }
    }
}
