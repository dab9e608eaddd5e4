import Fluent
import Foundation

/// What the lead's clinic set-up pages read besides the room list (``SessionQueries/rooms(clinicID:)``):
/// how often a room is used, holidays, programme types.
struct ClinicSetupQueries {
    let database: any Database

    /// Series and one-off sessions that name the room.
    func uses(ofRoom roomID: UUID) async throws -> Int {
        try await SessionSeriesRecord.query(on: database).filter(\.$room.$id == roomID).count()
            + OneOffSessionRecord.query(on: database).filter(\.$room.$id == roomID).count()
    }

    /// The clinic's holidays by date.
    func holidays(of clinicID: UUID) async throws -> [ClinicHolidayRecord] {
        try await ClinicHolidayRecord.query(on: database).filter(\.$clinic.$id == clinicID).sort(\.$date).all()
    }

    /// Whether the clinic already closes on this date (`YYYY-MM-DD`).
    func hasHoliday(on date: String, clinicID: UUID) async throws -> Bool {
        try await ClinicHolidayRecord.query(on: database).filter(\.$clinic.$id == clinicID).filter(\.$date == date).first() != nil
    }

    /// Every programme type, in the clinic's order.
    func programmeTypes() async throws -> [ProgrammeType] {
        try await ProgrammeType.query(on: database).sort(\.$position).all()
    }
}
