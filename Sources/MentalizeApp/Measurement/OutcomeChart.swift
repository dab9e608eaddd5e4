import Foundation
import MentalizeCore

/// One instrument's scores over time as an SVG line chart, drawn on the server so it prints and
/// needs no script: severity bands shaded, the caseness cut-off dashed, and each score that
/// differs reliably from the first one marked (▼ improvement, ▲ deterioration on a
/// lower-is-better scale). Every text is escaped.
struct OutcomeChart {
    struct Point {
        let date: Date
        let value: Double
        let change: ChangeOutcome?
    }

    let title: String
    let scale: ScaleDefinition
    let points: [Point]

    private let width = 640.0
    private let height = 284.0
    private let left = 44.0
    private let right = 120.0
    private let top = 16.0
    private let bottom = 60.0

    func svg() -> String {
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let span = max(scale.range.max - scale.range.min, 0.000_1)
        func y(_ value: Double) -> Double { top + plotHeight * (1 - (value - scale.range.min) / span) }
        let times = points.map { $0.date.timeIntervalSince1970 }
        let first = times.min() ?? 0
        let last = times.max() ?? 0
        func x(_ date: Date) -> Double {
            last > first ? left + plotWidth * (date.timeIntervalSince1970 - first) / (last - first) : left + plotWidth / 2
        }
        var parts: [String] = []
        parts.append(##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \##(Int(width)) \##(Int(height))" role="img" aria-labelledby="t d" font-family="sans-serif" font-size="14">"##)
        parts.append("<title id=\"t\">\(Self.escape(title))</title>")
        parts.append("<desc id=\"d\">\(Self.escape(description))</desc>")
        parts.append(##"<rect x="0" y="0" width="\##(Int(width))" height="\##(Int(height))" fill="#ffffff"/>"##)
        let shades = ["#eef6ee", "#f7f3e3", "#fbeee0", "#f8e4e4", "#f3dcdc", "#eed4d4"]
        for (index, band) in (scale.bands ?? []).enumerated() {
            let shade = scale.direction == .lowerIsBetter ? shades[min(index, shades.count - 1)] : shades[min((scale.bands?.count ?? 1) - 1 - index, shades.count - 1)]
            // Bands meet without gaps: each one reaches down to where the previous one ended.
            let lower = index == 0 ? scale.range.min : (scale.bands?[index - 1].max ?? band.min)
            let top = y(band.max), bottomEdge = y(lower)
            parts.append(##"<rect x="\##(Self.f(left))" y="\##(Self.f(top))" width="\##(Self.f(plotWidth))" height="\##(Self.f(max(bottomEdge - top, 0)))" fill="\##(shade)"/>"##)
            parts.append(##"<text x="\##(Self.f(left + plotWidth + 6))" y="\##(Self.f((top + bottomEdge) / 2 + 4))" fill="#333333">\##(Self.escape(band.label))</text>"##)
        }
        parts.append(##"<line x1="\##(Self.f(left))" y1="\##(Self.f(top))" x2="\##(Self.f(left))" y2="\##(Self.f(top + plotHeight))" stroke="#555555"/>"##)
        parts.append(##"<line x1="\##(Self.f(left))" y1="\##(Self.f(top + plotHeight))" x2="\##(Self.f(left + plotWidth))" y2="\##(Self.f(top + plotHeight))" stroke="#555555"/>"##)
        for tick in [scale.range.min, Self.middleTick(scale.range.min, scale.range.max), scale.range.max] {
            parts.append(##"<text x="\##(Self.f(left - 6))" y="\##(Self.f(y(tick) + 4))" text-anchor="end" fill="#333333">\##(Self.number(tick))</text>"##)
        }
        if let caseness = scale.caseness {
            parts.append(##"<line x1="\##(Self.f(left))" y1="\##(Self.f(y(caseness.threshold)))" x2="\##(Self.f(left + plotWidth))" y2="\##(Self.f(y(caseness.threshold)))" stroke="#8a1c1c" stroke-dasharray="6 4"/>"##)
            parts.append(##"<text x="\##(Self.f(left + 4))" y="\##(Self.f(y(caseness.threshold) - 4))" fill="#8a1c1c">\##(Self.escape(PageText.text("chart.cutOff"))) \##(Self.number(caseness.threshold))</text>"##)
        }
        if points.count > 1 {
            let path = points.map { "\(Self.f(x($0.date))),\(Self.f(y($0.value)))" }.joined(separator: " ")
            parts.append(##"<polyline points="\##(path)" fill="none" stroke="#1f4e79" stroke-width="2"/>"##)
        }
        for point in points {
            let (px, py) = (x(point.date), y(point.value))
            let label = "\(AuditTime.iso8601(point.date).prefix(10)): \(Self.number(point.value))\(point.change.map { " (\(Self.words($0)))" } ?? "")"
            switch point.change {
            case .improved?, .recovered?:
                let down = scale.direction == .lowerIsBetter
                parts.append(##"<path d="\##(Self.triangle(px, py, pointingDown: down))" fill="#1b7a3a"><title>\##(Self.escape(label))</title></path>"##)
            case .deteriorated?:
                let down = scale.direction != .lowerIsBetter
                parts.append(##"<path d="\##(Self.triangle(px, py, pointingDown: down))" fill="#b01c1c"><title>\##(Self.escape(label))</title></path>"##)
            default:
                parts.append(##"<circle cx="\##(Self.f(px))" cy="\##(Self.f(py))" r="4" fill="#1f4e79"><title>\##(Self.escape(label))</title></circle>"##)
            }
        }
        // The marks' meaning in words on the chart itself: a phone cannot show hover titles.
        let lowerIsBetter = scale.direction == .lowerIsBetter
        var legend: [String] = []
        if points.contains(where: { $0.change == .improved || $0.change == .recovered }) {
            legend.append(##"<tspan fill="#1b7a3a">\##(lowerIsBetter ? "▼" : "▲") \##(Self.escape(PageText.text("change.improved")))</tspan>"##)
        }
        if points.contains(where: { $0.change == .deteriorated }) {
            legend.append(##"<tspan fill="#b01c1c">\##(lowerIsBetter ? "▲" : "▼") \##(Self.escape(PageText.text("change.deteriorated")))</tspan>"##)
        }
        if !legend.isEmpty {
            parts.append(##"<text x="\##(Self.f(left))" y="\##(Self.f(height - 8))">\##(legend.joined(separator: "  "))</text>"##)
        }
        if let firstPoint = points.first, let lastPoint = points.last {
            parts.append(##"<text x="\##(Self.f(left))" y="\##(Self.f(top + plotHeight + 20))" fill="#333333">\##(AuditTime.iso8601(firstPoint.date).prefix(10))</text>"##)
            parts.append(##"<text x="\##(Self.f(left + plotWidth))" y="\##(Self.f(top + plotHeight + 20))" text-anchor="end" fill="#333333">\##(AuditTime.iso8601(lastPoint.date).prefix(10))</text>"##)
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// What the chart shows, for screen readers.
    var description: String {
        let direction = PageText.text(scale.direction == .lowerIsBetter ? "chart.lowerIsBetter" : "chart.higherIsBetter")
        guard let last = points.last else { return PageText.text("chart.noScores", ["title": title]) + " " + direction }
        return PageText.text("chart.summary", ["title": title, "count": String(points.count), "latest": Self.number(last.value),
                                               "date": String(AuditTime.iso8601(last.date).prefix(10))]) + " " + direction
    }

    static func words(_ outcome: ChangeOutcome) -> String {
        switch outcome {
        case .recovered: PageText.text("change.recovered")
        case .improved: PageText.text("change.improved")
        case .noReliableChange: PageText.text("change.noReliableChange")
        case .deteriorated: PageText.text("change.deteriorated")
        }
    }

    static func number(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : String(format: "%.2f", value)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }

    private static func f(_ value: Double) -> String { String(format: "%.1f", value) }

    /// The middle of the axis, as a whole number when both ends are (scores are counts: no "13.50").
    static func middleTick(_ low: Double, _ high: Double) -> Double {
        let middle = (low + high) / 2
        return low.rounded() == low && high.rounded() == high ? middle.rounded(.down) : middle
    }

    private static func triangle(_ x: Double, _ y: Double, pointingDown: Bool) -> String {
        let size = 6.0
        return pointingDown
            ? "M\(f(x - size)),\(f(y - size)) L\(f(x + size)),\(f(y - size)) L\(f(x)),\(f(y + size)) Z"
            : "M\(f(x - size)),\(f(y + size)) L\(f(x + size)),\(f(y + size)) L\(f(x)),\(f(y - size)) Z"
    }
}
