import Fluent
import Foundation
import MentalizeCore

/// Loading and saving registration details.
struct PatientDetailsStore {
    let database: any Database

    /// The patient's stored details with their programme type, if any.
    func details(patientID: UUID) async throws -> PatientDetails? {
        try await PatientDetails.query(on: database).filter(\.$patient.$id == patientID).with(\.$programmeType).first()
    }

    /// The patient's identifiers (BSN, NHS number ...), by type.
    func identifiers(patientID: UUID) async throws -> [PatientIdentifierRecord] {
        try await PatientIdentifierRecord.query(on: database).filter(\.$patient.$id == patientID).sort(\.$type).all()
    }

    func programmeTypes() async throws -> [ProgrammeType] {
        try await ProgrammeType.query(on: database).sort(\.$position).sort(\.$name).all()
    }

    /// True when the form's national number (NHS number or BSN) is already recorded for a patient
    /// other than `patientID` (nil while registering). Such a number belongs to one person; the
    /// person asking may not have access to the other record, so callers say only that it is taken.
    func identifierTaken(_ form: PatientDetailsForm, otherThan patientID: UUID?) async throws -> Bool {
        guard let identifier = form.identifier, identifier.type != .other else { return false }
        let holders = try await PatientIdentifierRecord.query(on: database)
            .filter(\.$type == identifier.type.rawValue).filter(\.$value == identifier.value).all()
        return holders.contains { $0.$patient.id != patientID }
    }

    /// Saves the form for a patient: the details row (created or updated) and the identifier of its type.
    func save(_ form: PatientDetailsForm, patientID: UUID, by userID: UUID, at now: Date) async throws {
        let details = try await PatientDetails.query(on: database).filter(\.$patient.$id == patientID).first() ?? PatientDetails()
        form.apply(to: details, patientID: patientID, by: userID, at: now)
        try await details.save(on: database)
        guard let identifier = form.identifier else { return }
        if let existing = try await PatientIdentifierRecord.query(on: database).filter(\.$patient.$id == patientID).filter(\.$type == identifier.type.rawValue).first() {
            existing.value = identifier.value
            existing.recordedAt = now
            try await existing.update(on: database)
        } else {
            try await PatientIdentifierRecord(patientID: patientID, type: identifier.type.rawValue, value: identifier.value, recordedAt: now).create(on: database)
        }
    }
}
