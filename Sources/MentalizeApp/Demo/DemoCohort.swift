import Fluent
import Foundation
import MentalizeCore

/// Forty-eight more synthetic patients with two years of history, so the lead's outcome figures
/// have real numbers to show: referrals spread over two years, assessment, MBT-I and a year of
/// treatment, monthly PHQ-9 and GAD-7, weekly attendance, and a mix of courses (recovery,
/// improvement, no change, deterioration, drop-out). They are on the caseloads of two colleagues
/// who cannot sign in, so the demo therapists' own pages stay as they were. Seeded by
/// `serve --demo`, not by the test seed. Every value comes from the patient's number, never chance.
enum DemoCohort {
    static let size = 48
    static let colleagues = [
        DemoStaff.Member(id: DemoIDs.id(110), username: "colleague.fir@demo.invalid", displayName: "Lee Fir (demo colleague, no sign-in)", roles: ["therapist"]),
        DemoStaff.Member(id: DemoIDs.id(111), username: "colleague.gale@demo.invalid", displayName: "Mo Gale (demo colleague, no sign-in)", roles: ["therapist"]),
    ]
    static let givenNames = ["Ari", "Bo", "Cai", "Dara", "Eli", "Fen", "Gus", "Hal", "Ira", "Jo", "Kit", "Lou", "Max", "Nia", "Oz", "Pip", "Quin", "Rue",
                             "Sol", "Tam", "Uma", "Val", "Wyn", "Xan", "Yael", "Zed", "Ada", "Ben", "Cleo", "Dev", "Eva", "Flo", "Gil", "Hen", "Isa", "Jem",
                             "Kay", "Lior", "Mika", "Noor", "Ode", "Pax", "Rafe", "Sky", "Tova", "Ulla", "Vic", "Wren"]

    /// How one patient's course goes.
    enum Course: CaseIterable {
        case recovers, improves, noChange, deteriorates, dropsOut

        /// Out of every twenty: four drop out, three deteriorate, four do not change, four recover
        /// and five improve without recovering (enough of each for the lead's figures to show).
        init(number: Int) {
            self = switch number % 20 {
            case 0, 1, 10, 11: .dropsOut
            case 2, 12, 19: .deteriorates
            case 3, 4, 13, 14: .noChange
            case 5, 6, 15, 16: .recovers
            default: .improves
            }
        }
    }

    static func seed(clinicID: UUID, now: Date, on db: any Database) async throws {
        for colleague in colleagues {
            try await UserAccount(id: colleague.id, clinicID: clinicID, username: colleague.username, displayName: colleague.displayName, roles: colleague.roles).create(on: db)
        }
        let catalog = try InstrumentCatalog.loadBundled()
        guard let phq = catalog.definition(id: "phq-9"), let gad = catalog.definition(id: "gad-7") else { return }
        let zone = try ClinicZone("Europe/London")
        for index in 0..<size {
            let number = 1_001 + index
            let referred = now.addingTimeInterval(-Double(760 - index * 14) * 86_400)
            let assessed = referred.addingTimeInterval(Double(21 + (index * 5) % 29) * 86_400)
            let introduced = assessed.addingTimeInterval(28 * 86_400)
            let treated = introduced.addingTimeInterval(84 * 86_400)
            let course = Course(number: index)
            let treatmentEnd = course == .dropsOut ? treated.addingTimeInterval(Double(56 + (index * 7) % 84) * 86_400) : treated.addingTimeInterval(364 * 86_400)
            let steps = timeline(course: course, assessed: assessed, introduced: introduced, treated: treated, ended: treatmentEnd, now: now)
            let patient = DemoPatients.Member(number: number, givenName: givenNames[index], familyName: "Testcohort",
                                              dateOfBirth: "19\(70 + index % 30)-0\(1 + index % 9)-1\(index % 10)", phase: steps.last.map(\.1) ?? .referral)
            let colleague = colleagues[index % 2]
            try await Patient(id: patient.id, clinicID: clinicID, givenName: patient.givenName, familyName: patient.familyName, dateOfBirth: patient.dateOfBirth,
                              phase: steps.last.map { $0.2.storageValue } ?? ProgrammeStatus.inPhase(.referral).storageValue, userID: nil).create(on: db)
            try await CaseloadAssignmentRecord(therapistID: colleague.id, patientID: patient.id, startsAt: referred).create(on: db)
            try await Referral(patientID: patient.id, source: "Demo GP practice (synthetic)", receivedOn: zone.localDate(of: referred).description,
                               reason: "Demo referral (synthetic record).", urgency: "routine", createdBy: colleague.id).create(on: db)
            try await DemoPathway.details(for: patient, by: colleague.id, at: referred, on: db)
            try await moves(steps, patient: patient.id, by: colleague.id, on: db)
            let administrations = measureDates(assessed: assessed, treated: treated, until: min(treatmentEnd, now))
            for (k, date) in administrations.enumerated() {
                // Every seventh questionnaire that fell due in treatment was not completed.
                let missed = k > 0 && (index + k) % 7 == 0
                if k > 0 { try await assignment(patient: patient.id, number: number, step: k, due: date, completed: !missed, on: db) }
                if missed { continue }
                let progress = administrations.count > 1 ? Double(k) / Double(administrations.count - 1) : 0
                try await DemoMeasures.store(phq, answers: DemoMeasures.spread(total: score(course, index: index, progress: progress, step: k, cutOff: 10, cap: 24), prefix: "phq9", items: 8),
                                             patient: patient, at: date, paperBy: colleague.id, on: db)
                try await DemoMeasures.store(gad, answers: DemoMeasures.spread(total: score(course, index: index, progress: progress, step: k, cutOff: 10, cap: 21), prefix: "gad7", items: 7),
                                             patient: patient, at: date.addingTimeInterval(600), paperBy: colleague.id, on: db)
            }
            if treated < now {
                try await attendance(patient: patient.id, therapist: colleague.id, clinicID: clinicID, index: index, course: course,
                                     from: zone.localDate(of: treated), until: min(treatmentEnd, now), zone: zone, on: db)
            }
        }
    }

    /// The moves that happened by `now`: (when, phase, status).
    private static func timeline(course: Course, assessed: Date, introduced: Date, treated: Date, ended: Date, now: Date) -> [(Date, ProgrammePhase, ProgrammeStatus)] {
        var steps: [(Date, ProgrammePhase, ProgrammeStatus)] = [(assessed, .assessment, .inPhase(.assessment)), (introduced, .mbtIntroductory, .inPhase(.mbtIntroductory)),
                                                                (treated, .treatment, .inPhase(.treatment))]
        if course == .dropsOut {
            steps.append((ended, .treatment, .exited(.droppedOut)))
        } else {
            steps += [(ended, .ending, .inPhase(.ending)), (ended.addingTimeInterval(56 * 86_400), .followUp, .inPhase(.followUp))]
        }
        return steps.filter { $0.0 <= now }
    }

    private static func moves(_ steps: [(Date, ProgrammePhase, ProgrammeStatus)], patient: UUID, by colleague: UUID, on db: any Database) async throws {
        var from = ProgrammeStatus.inPhase(.referral)
        var facts = PathwayFacts()
        for (at, _, to) in steps {
            if to == .inPhase(.mbtIntroductory) {
                try await SuitabilityDecisionRecord(patientID: patient, decision: SuitabilityDecision.suitable.rawValue,
                                                    reasons: "Demo MDT: criteria met (synthetic record).", decidedAt: at, decidedBy: colleague).create(on: db)
                facts.suitability = .suitable
            }
            try ProgrammePathway.check(from: from, to: to, facts: facts)
            try await ProgrammeTransitionRecord(patientID: patient, fromStatus: from.storageValue, toStatus: to.storageValue, occurredAt: at,
                                                reason: "Demo: planned step (synthetic record).", decidedBy: colleague).create(on: db)
            from = to
        }
    }

    /// At assessment, then every four weeks of treatment.
    private static func measureDates(assessed: Date, treated: Date, until end: Date) -> [Date] {
        var dates = [assessed]
        var date = treated
        while date <= end {
            dates.append(date)
            date = date.addingTimeInterval(28 * 86_400)
        }
        return dates.filter { $0 <= end }
    }

    /// A PHQ-9 and a GAD-7 that fell due on `due` in treatment, completed then or left undone.
    private static func assignment(patient: UUID, number: Int, step: Int, due: Date, completed: Bool, on db: any Database) async throws {
        for instrument in ["phq-9", "gad-7"] {
            let assignment = MeasureAssignment()
            assignment.$patient.id = patient
            assignment.instrumentID = instrument
            assignment.dueAt = due
            assignment.completedAt = completed ? due : nil
            assignment.scheduleKey = "demo-cohort:\(number):\(instrument):\(step)"
            try await assignment.create(on: db)
        }
    }

    /// A total that moves along the course from its first questionnaire, placed around the
    /// instrument's cut-off so each course reads as it should (an improvement that stays above the
    /// cut-off, a recovery that ends below it), with a small wobble between.
    static func score(_ course: Course, index: Int, progress: Double, step: Int, cutOff: Int, cap: Int) -> Int {
        let c = Double(cutOff)
        let (start, target): (Double, Double) = switch course {
        case .recovers: (c + 5 + Double(index % 5), c - 6)
        case .improves: (c + 9 + Double(index % 3), c + 2)
        case .noChange, .dropsOut: (c + 3 + Double(index % 5), c + 2 + Double(index % 5))
        case .deteriorates: (c - 4 + Double(index % 3), c + 5 + Double(index % 3))
        }
        let wobble = step == 0 || progress == 1 ? 0 : Double((index + step * 3) % 3) - 1
        return min(cap, max(0, Int((start + (target - start) * progress + wobble).rounded())))
    }

    /// A weekly series and its attendance: mostly attended, a missed week now and then, and the
    /// last weeks missed before a drop-out.
    private static func attendance(patient: UUID, therapist: UUID, clinicID: UUID, index: Int, course: Course, from first: LocalDate, until end: Date,
                                   zone: ClinicZone, on db: any Database) async throws {
        let series = DemoSessions.record(DemoIDs.id(5_000 + index), clinicID: clinicID, kind: .individual, first: first, time: "\(9 + index % 8):00", minutes: 50)
        series.$patient.id = patient
        series.$therapist.id = therapist
        let weeks = max(1, Int(end.timeIntervalSince(zone.instant(on: first, at: .midnight)) / (7 * 86_400)))
        series.lastDate = first.adding(days: 7 * (weeks - 1)).description
        try await series.create(on: db)
        for week in 0..<weeks {
            let day = first.adding(days: 7 * week)
            let start = zone.instant(on: day, at: try LocalTime(hour: 9 + index % 8, minute: 0))
            let missed = (course == .dropsOut && week >= weeks - 3) || (index + week) % 9 == 0
            let entry = AttendanceEntry()
            entry.sourceID = DemoIDs.id(5_000 + index)
            entry.sessionDate = day.description
            entry.sessionStart = start
            entry.$patient.id = patient
            entry.mark = (missed ? AttendanceChoice.didNotAttend : .attended).rawValue
            entry.$recordedBy.id = therapist
            entry.recordedAt = start.addingTimeInterval(3_600)
            try await entry.create(on: db)
        }
    }
}
