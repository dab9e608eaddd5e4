import Fluent
import Foundation
import MentalizeCore

/// The programme's outcome figures for a date range and (optionally) one programme type, computed
/// from aggregates only: per instrument, the share of patients (with two or more questionnaires in
/// the range, first against latest) who reliably improved, recovered, did not change or
/// deteriorated; attendance; questionnaire completion; time from referral to treatment; drop-out.
struct ProgrammeOutcomes {
    /// What the lead chose: clinic days `from` to `to` (both included) and a programme type.
    struct Selection: Equatable {
        let from: LocalDate
        let to: LocalDate
        let programmeType: UUID?
    }

    struct InstrumentOutcome {
        let definition: InstrumentDefinition
        let tally: OutcomeTally
    }

    var patients = 0
    var instruments: [InstrumentOutcome] = []
    var attendance = AttendanceSummary(records: [])
    /// Patients with at least one counted session in the range.
    var attendingPatients = 0
    var questionnairesDue = 0
    var questionnairesCompleted = 0
    /// Days from referral to the first treatment session's programme move, for moves in the range.
    var daysToTreatment: [Double] = []
    var dropOuts = 0
    /// Patients in MBT-I or treatment at some point in the range.
    var activePatients = 0

    static func compute(_ selection: Selection, zone: ClinicZone, catalog: InstrumentCatalog, on db: any Database) async throws -> ProgrammeOutcomes {
        let start = zone.instant(on: selection.from, at: .midnight)
        let end = zone.instant(on: selection.to.adding(days: 1), at: .midnight)
        let queries = ProgrammeOutcomeQueries(database: db)
        let ids = try await queries.patientIDs(programmeType: selection.programmeType)
        var outcomes = ProgrammeOutcomes()
        outcomes.patients = ids.count
        outcomes.instruments = try tallies(try await queries.completedResponses(of: ids, start: start, end: end), catalog: catalog)
        let attendance = try await AttendanceFacts(database: db).records(for: ids, since: start).filter { $0.sessionStart < end }
        outcomes.attendance = AttendanceSummary(records: attendance)
        outcomes.attendingPatients = Set(attendance.map(\.patient)).count
        let due = try await queries.assignmentsDue(of: ids, start: start, end: end)
        outcomes.questionnairesDue = due.count
        outcomes.questionnairesCompleted = due.filter { $0.completedAt != nil }.count
        let moves = try await queries.moves(of: ids)
        let referred = try await queries.referralDates(of: ids)
        outcomes.daysToTreatment = treatmentStarts(moves, in: start..<end).compactMap { patient, startedAt in
            guard let text = referred[patient], let day = try? LocalDate(iso: text) else { return nil }
            let days = startedAt.timeIntervalSince(zone.instant(on: day, at: .midnight)) / 86_400
            return days >= 0 ? days.rounded(.down) : nil
        }
        let dropped = ProgrammeStatus.exited(.droppedOut).storageValue
        outcomes.dropOuts = Set(moves.filter { $0.toStatus == dropped && (start..<end).contains($0.occurredAt) }.map { $0.$patient.id }).count
        outcomes.activePatients = activeInProgramme(moves, in: start..<end).count
        return outcomes
    }

    /// First against latest per patient and instrument, over the responses in the range.
    private static func tallies(_ responses: [MeasureResponse], catalog: InstrumentCatalog) throws -> [InstrumentOutcome] {
        let byInstrument = Dictionary(grouping: responses, by: \.instrumentID)
        return try byInstrument.keys.sorted().compactMap { id in
            guard let definition = catalog.definition(id: id), let scaleID = definition.scoring?.primaryScale,
                  definition.scale(id: scaleID)?.reliableChange?.effectiveThreshold != nil else { return nil }
            let perPatient = Dictionary(grouping: byInstrument[id] ?? [], by: { $0.$patient.id }).values.map { rows in
                rows.compactMap { row -> ChangeOverTime.Administration? in
                    guard let date = row.completedAt, let score = MeasureAnswers.score(row.scoreJSON) else { return nil }
                    return .init(date: date, score: score)
                }
            }
            return InstrumentOutcome(definition: definition, tally: try OutcomeTally.of(definition, patients: Array(perPatient)))
        }
    }

    /// Each patient's first move into treatment, when it happened in the range.
    private static func treatmentStarts(_ moves: [ProgrammeTransitionRecord], in range: Range<Date>) -> [UUID: Date] {
        var first: [UUID: Date] = [:]
        for move in moves where move.toStatus == ProgrammePhase.treatment.rawValue && first[move.$patient.id] == nil {
            first[move.$patient.id] = move.occurredAt
        }
        return first.filter { range.contains($0.value) }
    }

    /// Patients who were in MBT-I or treatment at the range's start, or moved into either during it.
    private static func activeInProgramme(_ moves: [ProgrammeTransitionRecord], in range: Range<Date>) -> Set<UUID> {
        let programme: Set<String> = [ProgrammePhase.mbtIntroductory.rawValue, ProgrammePhase.treatment.rawValue]
        var active: Set<UUID> = []
        for (patient, own) in Dictionary(grouping: moves, by: { $0.$patient.id }) {
            let atStart = own.last { $0.occurredAt < range.lowerBound }?.toStatus
            let during = own.contains { range.contains($0.occurredAt) && programme.contains($0.toStatus) }
            if during || atStart.map(programme.contains) == true { active.insert(patient) }
        }
        return active
    }
}
