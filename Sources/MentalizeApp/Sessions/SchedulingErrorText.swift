import Foundation
import MentalizeCore

/// What refused scheduling input, a refused roster change or a double booking says to staff, in
/// the page's language. Dates are written `YYYY-MM-DD` as typed; clash times name the clinic's zone.
enum SchedulingErrorText {
    static func text(_ error: SchedulingError) -> String {
        switch error {
        case .invalidDate(let text): PageText.text("schedule.error.invalidDate", ["text": text])
        case .invalidTime(let text): PageText.text("schedule.error.invalidTime", ["text": text])
        case .unknownTimeZone(let id): PageText.text("schedule.error.unknownTimeZone", ["zone": id])
        case .emptySlot: PageText.text("schedule.error.emptySlot")
        case .invalidDuration(let minutes): PageText.text("schedule.error.invalidDuration", ["minutes": String(minutes)])
        case .endBeforeStart(let first, let last):
            PageText.text("schedule.error.endBeforeStart", ["first": first.description, "last": last.description])
        case .invalidOccurrenceCount(let count): PageText.text("schedule.error.invalidOccurrenceCount", ["count": String(count)])
        case .notAnOccurrence(let date): PageText.text("schedule.error.notAnOccurrence", ["date": date.description])
        case .emptyName(let field): PageText.text("schedule.error.emptyName", ["field": name(field)])
        case .textTooLong(let field, let limit): PageText.text("schedule.error.textTooLong", ["field": name(field), "limit": String(limit)])
        case .invalidVideoLink(let problem): PageText.text("schedule.error.invalidVideoLink", ["reason": text(problem)])
        case .courseLength(let count, let allowed):
            PageText.text("schedule.error.courseLength", ["min": String(allowed.lowerBound), "max": String(allowed.upperBound), "count": String(count)])
        case .courseSessionNumber(let number, let count):
            PageText.text("schedule.error.courseSessionNumber", ["number": String(number), "count": String(count)])
        case .courseCannotBePlaced(let weeks): PageText.text("schedule.error.courseCannotBePlaced", ["weeks": String(weeks)])
        case .therapistCount(let count): PageText.text("schedule.error.therapistCount", ["count": String(count)])
        case .duplicateTherapist: PageText.text("schedule.error.duplicateTherapist")
        case .invalidNoticePeriod(let hours): PageText.text("schedule.error.invalidNoticePeriod", ["hours": String(hours)])
        case .invalidThreshold(let count): PageText.text("schedule.error.invalidThreshold", ["count": String(count)])
        }
    }

    /// A scheduling text's name inside a sentence, e.g. "room name".
    static func name(_ field: SchedulingField) -> String {
        PageText.text("schedule.field.\(field.rawValue)")
    }

    /// Why a video link is not accepted, to follow "The video link is not accepted:".
    static func text(_ problem: VideoLinkProblem) -> String {
        switch problem {
        case .notTheService(let host): PageText.text("schedule.videoLink.notTheService", ["host": host])
        case .tooLong(let limit): PageText.text("schedule.videoLink.tooLong", ["limit": String(limit)])
        case .spacesOrControlCharacters: PageText.text("schedule.videoLink.spacesOrControlCharacters")
        case .notAWebAddress: PageText.text("schedule.videoLink.notAWebAddress")
        case .notHTTPS: PageText.text("schedule.videoLink.notHTTPS")
        case .noHostName: PageText.text("schedule.videoLink.noHostName")
        case .userNameOrPassword: PageText.text("schedule.videoLink.userNameOrPassword")
        }
    }

    static func text(_ refusal: GroupRefusal) -> String {
        switch refusal {
        case .invalidCapacity(let value, let allowed):
            PageText.text("schedule.roster.invalidCapacity", ["min": String(allowed.lowerBound), "max": String(allowed.upperBound), "value": String(value)])
        case .full(let date, let capacity): PageText.text("schedule.roster.full", ["date": date.description, "capacity": String(capacity)])
        case .alreadyMember(let since): PageText.text("schedule.roster.alreadyMember", ["since": since.description])
        case .notAMember(let date): PageText.text("schedule.roster.notAMember", ["date": date.description])
        case .leaveBeforeJoin(let joined, let leave): PageText.text("schedule.roster.leaveBeforeJoin", ["joined": joined.description, "leave": leave.description])
        case .alreadyWaiting: PageText.text("schedule.roster.alreadyWaiting")
        case .notWaiting: PageText.text("schedule.roster.notWaiting")
        }
    }

    /// One sentence per listed clash, then how many more there are, e.g. "Dr Jansen is already
    /// booked on Tue 5 Mar 2024, 10:00–11:30 (Europe/Amsterdam) for Tuesday group, which overlaps
    /// individual session on Tue 5 Mar 2024, 11:00–11:50 (Europe/Amsterdam). And 2 more clashes
    /// (3 in all)." `staffNames` gives the names to show for therapists.
    static func text(_ refusal: ConflictRefusal, zone: ClinicZone, staffNames: [UserID: String]) -> String {
        var lines = refusal.listed.map { sentence($0, zone: zone, staffNames: staffNames) }
        if refusal.unlisted > 0 {
            lines.append(PageText.plural("schedule.conflict.more", count: refusal.unlisted)
                .replacingOccurrences(of: "{total}", with: String(refusal.conflicts.count)))
        }
        return lines.joined(separator: " ")
    }

    static func sentence(_ conflict: BookingConflict, zone: ClinicZone, staffNames: [UserID: String]) -> String {
        let who: String = switch conflict.resource {
        case .therapist(let id): staffNames[id] ?? PageText.text("schedule.conflict.theTherapist")
        case .room(let room): room.name
        }
        return PageText.text("schedule.conflict.sentence", [
            "who": who,
            "existingWhen": zone.slotText(conflict.existing.slot, in: DisplayTime.language), "existingLabel": conflict.existing.label,
            "proposedLabel": conflict.proposed.label, "proposedWhen": zone.slotText(conflict.proposed.slot, in: DisplayTime.language),
        ])
    }
}
