import Fluent
import Foundation
import MentalizeCore

/// Formulation queries.
struct FormulationQueries {
    let database: any Database

    /// All versions, newest first.
    func versions(of patientID: UUID) async throws -> [FormulationVersion] {
        try await FormulationVersion.query(on: database).filter(\.$patient.$id == patientID).sort(\.$version, .descending).with(\.$writtenBy).all()
    }

    /// The newest version shared with the patient.
    func latestShared(of patientID: UUID) async throws -> FormulationVersion? {
        try await FormulationVersion.query(on: database).filter(\.$patient.$id == patientID).filter(\.$sharedAt != nil).sort(\.$version, .descending).first()
    }

    /// The patient's comments and agreements, oldest first.
    func responses(of patientID: UUID) async throws -> [FormulationResponse] {
        try await FormulationResponse.query(on: database).filter(\.$patient.$id == patientID).sort(\.$createdAt).all()
    }

    /// The newest version, shared or not.
    func latest(of patientID: UUID) async throws -> FormulationVersion? {
        try await FormulationVersion.query(on: database).filter(\.$patient.$id == patientID).sort(\.$version, .descending).first()
    }

    /// Version `number` of the patient's formulation.
    func version(_ number: Int, of patientID: UUID) async throws -> FormulationVersion? {
        try await FormulationVersion.query(on: database).filter(\.$patient.$id == patientID).filter(\.$version == number).first()
    }

    /// When the patient agreed with this version, if they have.
    func agreedAt(versionID: UUID) async throws -> Date? {
        try await FormulationResponse.query(on: database).filter(\.$version.$id == versionID).filter(\.$kind == FormulationResponse.agreement).first()?.createdAt
    }

    /// Whether the patient has already agreed with this version.
    func isAgreed(versionID: UUID) async throws -> Bool {
        try await FormulationResponse.query(on: database).filter(\.$version.$id == versionID).filter(\.$kind == FormulationResponse.agreement).count() > 0
    }
}
