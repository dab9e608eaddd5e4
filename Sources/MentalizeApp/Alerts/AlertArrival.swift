import Foundation

/// When an alert arrived, in the clinic's time, and whether the team was at work then: an alert
/// raised on Saturday night waited for the team in a way one raised on Tuesday morning did not.
struct AlertArrival: Encodable {
    let when: String
    let officeKey: String

    init(_ raisedAt: Date, hours: ClinicHours?) {
        guard let hours else {
            when = DisplayTime.minute(raisedAt)
            officeKey = "alerts.arrived.unknown"
            return
        }
        when = hours.dateTimeText(raisedAt)
        officeKey = hours.isOpen(at: raisedAt) ? "alerts.arrived.inHours" : "alerts.arrived.outOfHours"
    }
}
