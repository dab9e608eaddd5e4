import Fluent
import Foundation
import MentalizeCore

/// The numbers behind the dashboard, computed from statuses and programme moves (tested directly).
struct ProgrammeFigures: Equatable {
    var perStatus: [ProgrammeStatus: Int] = [:]
    var medianDaysToAssessment: Double?
    var medianDaysToTreatment: Double?
    var dropOutsByPhase: [ProgrammePhase: Int] = [:]

    static func compute(on db: any Database) async throws -> ProgrammeFigures {
        var figures = ProgrammeFigures()
        for patient in try await Patient.query(on: db).field(\.$id).field(\.$phase).all() {
            if let status = ProgrammeStatus(storageValue: patient.phase) { figures.perStatus[status, default: 0] += 1 }
        }
        let referrals = try await Referral.query(on: db).all()
        let received = Dictionary(referrals.compactMap { referral in
            (try? Date(referral.receivedOn + "T00:00:00Z", strategy: .iso8601)).map { (referral.$patient.id, $0) }
        }, uniquingKeysWith: min)
        let moves = try await ProgrammeTransitionRecord.query(on: db).sort(\.$occurredAt).all()
        var firstEntry: [String: [UUID: Date]] = [:]
        for move in moves where firstEntry[move.toStatus]?[move.$patient.id] == nil {
            firstEntry[move.toStatus, default: [:]][move.$patient.id] = move.occurredAt
            if move.toStatus == ProgrammeStatus.exited(.droppedOut).storageValue, case .inPhase(let phase)? = ProgrammeStatus(storageValue: move.fromStatus) {
                figures.dropOutsByPhase[phase, default: 0] += 1
            }
        }
        figures.medianDaysToAssessment = median(days(from: received, to: firstEntry[ProgrammePhase.assessment.rawValue] ?? [:]))
        figures.medianDaysToTreatment = median(days(from: received, to: firstEntry[ProgrammePhase.treatment.rawValue] ?? [:]))
        return figures
    }

    private static func days(from start: [UUID: Date], to end: [UUID: Date]) -> [Double] {
        end.compactMap { patient, date in start[patient].map { date.timeIntervalSince($0) / 86_400 } }.filter { $0 >= 0 }
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }
}

/// Clinical events per month over the last twelve months, programme-wide: kinds and dates only.
enum EventFigures {
    static func perMonth(on db: any Database, now: Date) async throws -> [MonthlyEventCount] {
        let months = EventTally.months(12, endingWith: String(FormCheck.today(now).prefix(7)))
        guard let first = months.first else { return [] }
        let events = try await ClinicalEventRecord.query(on: db).filter(\.$occurredOn >= first + "-01").field(\.$id).field(\.$kind).field(\.$occurredOn).all()
        return EventTally.perMonth(events.compactMap { event in ClinicalEventKind(rawValue: event.kind).map { (event.occurredOn, $0) } }, months: months)
    }
}
