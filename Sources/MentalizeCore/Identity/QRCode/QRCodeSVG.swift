extension QRCode {
    /// The symbol as a standalone SVG: one path of dark modules on a white square with a 4-module quiet
    /// zone, `moduleSize` pixels per module, and `label` as the accessible name (escaped).
    public func svg(moduleSize: Int = 4, label: String = "QR code") -> String {
        let quiet = 4
        let side = size + 2 * quiet
        let pixels = side * max(moduleSize, 1)
        var path = ""
        for y in 0..<size {
            for x in 0..<size where isDark(x: x, y: y) { path += "M\(x + quiet) \(y + quiet)h1v1h-1z" }
        }
        let name = Self.escapeXML(label)
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\" width=\"\(pixels)\" "
            + "height=\"\(pixels)\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"\(name)\">"
            + "<title>\(name)</title><rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/>"
            + "<path d=\"\(path)\" fill=\"#000\"/></svg>"
    }

    private static func escapeXML(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
