/// The result of the risk-language screen. When `routeToSafety` is true the caller must show the
/// app's safety content and skip any analysis.
public struct RiskScreenResult: Codable, Sendable, Equatable {
    public var routeToSafety: Bool
    /// Every risk phrase found, with the pattern id (e.g. `risk.suicide.kill-self`).
    public var matches: [EvidenceSpan]

    public init(matches: [EvidenceSpan]) {
        self.matches = matches
        routeToSafety = !matches.isEmpty
    }
}
