import Foundation

/// Typed links: `SiteRoute.patient.path(patient: id)`, never a dictionary of parameter names.
/// Each function fills the parameters it names; the route tests check every route with a
/// parameter is linked through one of them.
extension SiteRoute {
    func path(patient: UUID) -> String { filled(["patientID": patient.uuidString]) }
    func path(patient: UUID, instrument: String) -> String { filled(["patientID": patient.uuidString, "instrumentID": instrument]) }
    func path(patient: UUID, version: Int) -> String { filled(["patientID": patient.uuidString, "number": String(version)]) }
    func path(alert: UUID) -> String { filled(["alertID": alert.uuidString]) }
    func path(assignment: UUID) -> String { filled(["assignmentID": assignment.uuidString]) }
    func path(response: UUID) -> String { filled(["responseID": response.uuidString]) }
    func path(instrument: String) -> String { filled(["instrumentID": instrument]) }
    func path(thread: UUID) -> String { filled(["threadID": thread.uuidString]) }
    func path(entry: UUID) -> String { filled(["entryID": entry.uuidString]) }
    func path(module: String) -> String { filled(["moduleID": module]) }
    func path(session: SessionKey) -> String { filled(["sessionKey": session.description]) }
    /// A session named by the series or one-off row it comes from and its stored date.
    func path(source: UUID, storedDate: String) -> String { filled(["sessionKey": SessionKey.text(source: source, storedDate: storedDate)]) }
    /// A session named by its link form, as stored with a note's risk update.
    func path(sessionText: String) -> String { filled(["sessionKey": sessionText]) }
    func path(note: UUID) -> String { filled(["noteID": note.uuidString]) }
    func path(rating: UUID) -> String { filled(["ratingID": rating.uuidString]) }
    func path(scheme: String) -> String { filled(["schemeID": scheme]) }
    func path(group: UUID) -> String { filled(["groupID": group.uuidString]) }
    func path(group: UUID, membership: UUID) -> String { filled(["groupID": group.uuidString, "membershipID": membership.uuidString]) }
    func path(group: UUID, waitingListEntry: UUID) -> String { filled(["groupID": group.uuidString, "entryID": waitingListEntry.uuidString]) }
    func path(user: UUID) -> String { filled(["userID": user.uuidString]) }
    func path(grant: UUID) -> String { filled(["grantID": grant.uuidString]) }
    func path(planItem: UUID) -> String { filled(["itemID": planItem.uuidString]) }
    func path(room: UUID) -> String { filled(["roomID": room.uuidString]) }
    func path(holiday: UUID) -> String { filled(["holidayID": holiday.uuidString]) }
    func path(helpline: UUID) -> String { filled(["helplineID": helpline.uuidString]) }
    func path(course: UUID) -> String { filled(["courseID": course.uuidString]) }
    func path(relationship: UUID) -> String { filled(["assignmentID": relationship.uuidString]) }
    func path(feedToken: String) -> String { filled(["feedToken": feedToken]) }
    /// A single-use link: first-run setup, a portal invitation, a password reset.
    func path(token: String) -> String { filled(["token": token]) }
}
