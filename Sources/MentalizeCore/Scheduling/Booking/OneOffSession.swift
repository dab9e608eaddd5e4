/// A single session outside any series (assessment, extra session, review).
public struct OneOffSession: Hashable, Sendable, Codable {
    public let id: SessionID
    public let patient: PatientID
    public let therapist: UserID
    public var slot: TimeSlot
    public var modality: SessionModality
    public var cancellation: CancellationReason?

    public init(id: SessionID, patient: PatientID, therapist: UserID, slot: TimeSlot, modality: SessionModality) {
        self.id = id
        self.patient = patient
        self.therapist = therapist
        self.slot = slot
        self.modality = modality
        self.cancellation = nil
    }

    /// The booking while the session takes place; nil once cancelled.
    public func booking(label: String) -> Booking? {
        guard cancellation == nil else { return nil }
        return Booking(id: BookingID(source: id.rawValue, date: nil), label: label, therapists: [therapist], modality: modality, slot: slot)
    }
}
