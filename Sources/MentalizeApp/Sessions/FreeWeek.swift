import Fluent
import Foundation
import MentalizeCore
import Vapor

/// The booking therapist's week as free times: for each clinic day, the starts at which they are
/// free for a 50-minute session, with the rooms free then. Each start links back to the page with
/// the booking form filled in (plain links: no JavaScript).
struct FreeWeek: Encodable {
    struct Day: Encodable {
        let heading: String
        let slots: [Slot]
    }

    struct Slot: Encodable {
        let time: String
        /// "Room 1, Room 2", or empty when only video or phone is possible.
        let rooms: String
        let path: String
    }

    let range: String
    let days: [Day]
    /// Nil for the week starting today: past times are never free.
    let previousPath: String?
    let nextPath: String

    /// Seven days from `?week=` (default: today, so a Saturday shows the coming week), from now on.
    static func load(_ request: Request, loader: ScheduleLoader, therapistID: UUID, patientID: UUID) async throws -> FreeWeek {
        let zone = loader.zone
        let today = zone.localDate(of: request.now)
        let first = max(today, request.query[String.self, at: "week"].flatMap { try? LocalDate(iso: $0) } ?? today)
        let window = try TimeSlot(start: zone.instant(on: first, at: .midnight), end: zone.instant(on: first.adding(days: 7), at: .midnight))
        let busy = try await loader.forTherapist(therapistID, in: window).filter(\.takesPlace).map(\.slot)
        let rooms = loader.mapping.rooms.values.sorted { $0.name < $1.name }
        var roomBusy: [(key: String, busy: [TimeSlot])] = []
        for room in rooms {
            guard let id = room.id else { continue }
            roomBusy.append((key: id.uuidString, busy: try await loader.forRoom(id, in: window).filter(\.takesPlace).map(\.slot)))
        }
        let names = Dictionary(rooms.compactMap { room in room.id.map { ($0.uuidString, room.name) } }, uniquingKeysWith: { kept, _ in kept })
        let finder = FreeSlots(zone: zone, hours: loader.officeHours, holidays: Set(loader.holidays.names.keys), minutes: 50, step: 60)
        let base = SiteRoute.patientSessions.path(patient: patientID)
        let days = (0..<7).map { offset -> Day in
            let day = first.adding(days: offset)
            let slots = finder.slots(on: day, notBefore: request.now, therapistBusy: busy, rooms: roomBusy).map { slot in
                let time = zone.localTime(of: slot.start).description
                let room = slot.freeRooms.first.map { "&roomID=\($0)" } ?? "&modality=video"
                return Slot(time: time, rooms: slot.freeRooms.compactMap { names[$0] }.joined(separator: ", "),
                            path: "\(base)?week=\(first)&date=\(day)&time=\(time)\(room)#book-heading")
            }
            return Day(heading: zone.dayText(day, in: DisplayTime.language), slots: slots)
        }.filter { !$0.slots.isEmpty }
        return FreeWeek(range: "\(zone.dayText(first, in: DisplayTime.language)) – \(zone.dayText(first.adding(days: 6), in: DisplayTime.language))", days: days,
                        previousPath: first > today ? "\(base)?week=\(max(today, first.adding(days: -7)))#free-heading" : nil, nextPath: "\(base)?week=\(first.adding(days: 7))#free-heading")
    }
}
