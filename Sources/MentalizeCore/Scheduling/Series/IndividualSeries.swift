/// A patient's weekly individual sessions with one therapist.
public struct IndividualSeries: Hashable, Sendable, Codable {
    public let patient: PatientID
    public let therapist: UserID
    public var series: SessionSeries
    public var modality: SessionModality

    public init(patient: PatientID, therapist: UserID, series: SessionSeries, modality: SessionModality) {
        self.patient = patient
        self.therapist = therapist
        self.series = series
        self.modality = modality
    }

    /// The sessions that take place in `window`, as bookings.
    public func bookings(in window: TimeSlot, holidays: ClinicHolidays = .none, label: String) -> [Booking] {
        series.occurrences(in: window, holidays: holidays).filter(\.takesPlace).map {
            Booking(id: BookingID(source: series.id.rawValue, date: $0.date), label: label, therapists: [therapist], modality: modality, slot: $0.slot)
        }
    }
}
