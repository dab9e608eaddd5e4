import Fluent
import Foundation
import MentalizeCore

/// The demo measurement plan and a history of monthly PHQ-9 and GAD-7 responses for the
/// patients in treatment and ending, scored by the real scoring engine. No demo answer touches
/// a risk item, so the demo starts without alerts.
enum DemoMeasures {
    /// (phase, instrument, first due day, repeat every days)
    static let plan: [(ProgrammePhase, String, Int, Int?)] = [
        (.assessment, "phq-9", 0, nil), (.assessment, "gad-7", 0, nil), (.assessment, "bsl-23", 0, nil),
        (.assessment, "wsas", 0, nil), (.assessment, "msi-bpd", 0, nil),
        (.mbtIntroductory, "rfq-8", 0, nil),
        (.treatment, "phq-9", 0, 28), (.treatment, "gad-7", 0, 28), (.treatment, "bsl-23", 0, 28),
        (.ending, "phq-9", 0, nil), (.ending, "gad-7", 0, nil), (.ending, "bsl-23", 0, nil),
        (.followUp, "phq-9", 182, nil), (.followUp, "gad-7", 182, nil), (.followUp, "phq-9", 365, nil), (.followUp, "gad-7", 365, nil),
    ]

    static func seed(clinicID: UUID, treatmentStart: Date, now: Date, on db: any Database) async throws {
        for (phase, instrument, first, every) in plan {
            try await MeasurePlanItemRecord(clinicID: clinicID, phase: phase.rawValue, instrumentID: instrument, firstDueDays: first, repeatEveryDays: every, createdAt: treatmentStart).create(on: db)
        }
        let catalog = try InstrumentCatalog.loadBundled()
        guard let phq = catalog.definition(id: "phq-9"), let gad = catalog.definition(id: "gad-7") else { return }
        for patient in DemoPatients.all where patient.phase == .treatment || patient.phase == .ending {
            var month = 0
            var date = treatmentStart
            while date < now.addingTimeInterval(-30 * 86_400) {
                let phqTotal = max(2, 19 - month - (patient.number + month) % 3)
                let gadTotal = max(1, 15 - month - (patient.number * 2 + month) % 3)
                try await store(phq, answers: spread(total: phqTotal, prefix: "phq9", items: 8), patient: patient, at: date, on: db)
                try await store(gad, answers: spread(total: gadTotal, prefix: "gad7", items: 7), patient: patient, at: date.addingTimeInterval(600), on: db)
                month += 1
                date = date.addingTimeInterval(28 * 86_400)
            }
        }
    }

    /// Item answers 0-3 over `items` items adding up to `total`, spread evenly (PHQ-9 item 9 stays 0).
    static func spread(total: Int, prefix: String, items: Int) -> [String: ItemAnswer] {
        let capped = min(max(total, 0), items * 3)
        var answers: [String: ItemAnswer] = [:]
        for index in 1...items {
            let value = capped / items + (index <= capped % items ? 1 : 0)
            answers["\(prefix)-\(index)"] = .code(String(value))
        }
        if prefix == "phq9" { answers["phq9-9"] = .code("0") }
        return answers
    }

    /// Stores a scored response the patient entered, or (with `paperBy`) one staff entered from paper.
    static func store(_ definition: InstrumentDefinition, answers: [String: ItemAnswer], patient: DemoPatients.Member, at date: Date,
                      paperBy: UUID? = nil, on db: any Database) async throws {
        let score = try ScoringEngine.score(definition, answers: answers)
        let response = MeasureResponse()
        response.$patient.id = patient.id
        response.instrumentID = definition.id
        response.instrumentVersion = definition.version
        response.entryMode = (paperBy == nil ? ResponseEntryMode.patient : .paperOnBehalf).rawValue
        response.$enteredBy.id = paperBy ?? patient.userID
        response.idempotencyKey = "demo:\(patient.number):\(definition.id):\(Int(date.timeIntervalSince1970))"
        response.answersJSON = MeasureAnswers.encode(answers)
        response.startedAt = date
        response.completedAt = date
        response.scoreJSON = MeasureAnswers.encode(score)
        response.primaryScore = score.primary?.value
        response.riskLevel = score.risk.level?.rawValue
        try await response.create(on: db)
    }
}
