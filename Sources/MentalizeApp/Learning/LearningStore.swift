import Fluent
import Foundation
import MentalizeCore

/// The only code that reads the learning tables: a patient's progress rows (unlocked, finished)
/// and when they first opened each module (the audit events of those reads).
struct LearningStore {
    let database: any Database

    /// The patient's progress rows, one per module something happened to.
    func progressRows(patientID: UUID) async throws -> [ModuleProgress] {
        try await ModuleProgress.query(on: database).filter(\.$patient.$id == patientID).all()
    }

    /// The audit record of a module's page, read by the patient: opening a page never writes, so
    /// the audit event of the read is when they opened it.
    static func auditRecordID(moduleID: String) -> String { "\(modulePrefix)\(moduleID)" }

    static let modulePrefix = "module:"

    /// When the patient first opened each module, from the audit events of their reads.
    func firstOpened(patientID: UUID) async throws -> [String: Date] {
        let reads = try await AuditReadTimes(database: database).first(of: patientID, role: .patient, recordType: RecordKind.measureResponse.rawValue,
                                                                        recordIDPrefix: Self.modulePrefix)
        var opened: [String: Date] = [:]
        for (recordID, at) in reads where recordID.hasPrefix(Self.modulePrefix) {
            let moduleID = String(recordID.dropFirst(Self.modulePrefix.count))
            opened[moduleID] = min(opened[moduleID] ?? at, at)
        }
        return opened
    }

    /// The progress row for a module, created when first needed.
    func progress(patientID: UUID, moduleID: String) async throws -> ModuleProgress {
        if let row = try await ModuleProgress.query(on: database).filter(\.$patient.$id == patientID).filter(\.$moduleID == moduleID).first() { return row }
        let row = ModuleProgress()
        row.$patient.id = patientID
        row.moduleID = moduleID
        do {
            try await row.create(on: database)
        } catch {
            // Created by a concurrent request: the unique key kept one.
            if let row = try await ModuleProgress.query(on: database).filter(\.$patient.$id == patientID).filter(\.$moduleID == moduleID).first() { return row }
            throw error
        }
        return row
    }
}
