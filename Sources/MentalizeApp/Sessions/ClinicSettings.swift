import Foundation
import MentalizeCore
import Vapor

/// Scheduling settings that are not per record: the clinic's own video service host (links to any
/// other host are refused) and the conflict-check horizon.
enum ClinicSettings {
    /// `MENTALIZE_VIDEO_HOST`, e.g. `video.clinic.example`; the demo uses `video.demo.invalid`.
    static var videoHost: String { Environment.get("MENTALIZE_VIDEO_HOST") ?? "video.demo.invalid" }

    /// How far ahead a new weekly series is checked for clashes (open-ended series are checked for a year).
    static let conflictHorizonWeeks = 52
}
