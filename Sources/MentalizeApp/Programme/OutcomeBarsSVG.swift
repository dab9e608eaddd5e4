import Foundation
import MentalizeCore

/// A horizontal bar per instrument, split into the shares of patients who recovered, improved
/// (without recovering), did not reliably change and deteriorated. Instruments with fewer than
/// five patients are drawn as a note, not a bar. Plain SVG with its own text and patterns besides
/// colour, so it reads the same printed in black and white.
enum OutcomeBarsSVG {
    static let width = 640.0
    static let rowHeight = 44.0
    static let labelWidth = 120.0

    private struct Segment {
        let label: String
        let count: Int
        let fill: String
    }

    static func render(_ instruments: [ProgrammeOutcomes.InstrumentOutcome]) -> String? {
        guard !instruments.isEmpty else { return nil }
        let legendHeight = 36.0
        let height = legendHeight + rowHeight * Double(instruments.count) + 8
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-labelledby=\"outcome-chart-title\" class=\"outcome-chart\">"
        out += "<title id=\"outcome-chart-title\">\(OutcomeChart.escape(PageText.text("outcomes.chart.title")))</title>"
        out += "<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#f2d4c9\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#8a2c0d\" stroke-width=\"2\"/></pattern></defs>"
        let legend: [(String, String)] = [(PageText.text("outcomes.chart.recovered"), "#1f5f4a"), (PageText.text("outcomes.chart.improved"), "#7fb8a4"),
                      (PageText.text("outcomes.chart.noReliableChange"), "#e6e2d8"), (PageText.text("outcomes.chart.deteriorated"), "url(#hatch)")]
        // Each key takes a 132-point slot, or more for a long name (some languages); the keys move
        // left of the bars' start when they would otherwise run off the right edge.
        let nameWidths: [Double] = legend.map { Double($0.0.count) * 5.6 }
        let slots: [Double] = nameWidths.map { Swift.max(132.0, 18.0 + $0 + 12.0) }
        let legendEnd: Double = slots.dropLast().reduce(0.0, +) + 18.0 + (nameWidths.last ?? 0)
        var keyX = min(labelWidth, max(0, width - 8 - legendEnd))
        for (index, item) in legend.enumerated() {
            out += "<rect x=\"\(f(keyX))\" y=\"8\" width=\"14\" height=\"14\" fill=\"\(item.1)\" stroke=\"#333\" stroke-width=\"0.5\"/>"
            out += "<text x=\"\(f(keyX + 18))\" y=\"20\" font-size=\"11\">\(OutcomeChart.escape(item.0))</text>"
            keyX += slots[index]
        }
        for (row, instrument) in instruments.enumerated() {
            let y = legendHeight + Double(row) * rowHeight
            let tally = instrument.tally
            out += "<text x=\"0\" y=\"\(f(y + 22))\" font-size=\"13\" font-weight=\"700\">\(OutcomeChart.escape(instrument.definition.shortTitle))</text>"
            guard tally.patients >= PublishedCount.threshold else {
                out += "<text x=\"\(f(labelWidth))\" y=\"\(f(y + 22))\" font-size=\"12\">\(OutcomeChart.escape(PageText.text("outcomes.chart.tooFew", ["count": String(PublishedCount.threshold)])))</text>"
                continue
            }
            let shown = tally.published
            var segments: [Segment] = []
            if !shown.improved.isSuppressed {
                if shown.recovered.isSuppressed {
                    segments.append(Segment(label: PageText.text("outcomes.chart.segment.improved"), count: tally.reliablyImproved, fill: legend[1].1))
                } else {
                    segments += [Segment(label: PageText.text("outcomes.chart.segment.recovered"), count: tally.recovered, fill: legend[0].1),
                                 Segment(label: PageText.text("outcomes.chart.segment.improved"), count: tally.reliablyImproved - tally.recovered, fill: legend[1].1)]
                }
            }
            if !shown.noReliableChange.isSuppressed { segments.append(Segment(label: PageText.text("outcomes.chart.segment.noReliableChange"), count: tally.noReliableChange, fill: legend[2].1)) }
            if !shown.deteriorated.isSuppressed { segments.append(Segment(label: PageText.text("outcomes.chart.segment.deteriorated"), count: tally.deteriorated, fill: legend[3].1)) }
            // What is withheld is drawn as one blank stretch: its parts are not told apart.
            segments.append(Segment(label: PageText.text("outcomes.chart.segment.withheld", ["count": String(PublishedCount.threshold)]), count: tally.patients - segments.map(\.count).reduce(0, +), fill: "#ffffff"))
            var x = labelWidth
            let span = width - labelWidth - 8
            for segment in segments where segment.count > 0 {
                let w = span * Double(segment.count) / Double(tally.patients)
                out += "<rect x=\"\(f(x))\" y=\"\(f(y + 6))\" width=\"\(f(w))\" height=\"24\" fill=\"\(segment.fill)\" stroke=\"#333\" stroke-width=\"0.5\"><title>\(OutcomeChart.escape(segment.label))</title></rect>"
                x += w
            }
            out += "<text x=\"\(f(labelWidth))\" y=\"\(f(y + 42))\" font-size=\"11\">n = \(tally.patients)</text>"
        }
        return out + "</svg>"
    }

    private static func f(_ value: Double) -> String { String(format: "%.1f", value) }
}
