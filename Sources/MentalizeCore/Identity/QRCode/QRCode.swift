/// A QR code symbol (byte mode, error-correction level M, versions 1-10), e.g. for an otpauth URI.
public struct QRCode: Sendable {
    /// The QR version chosen (1-10).
    public let version: Int
    /// The data mask chosen (0-7).
    public let mask: Int
    /// Modules per side, without the quiet zone.
    public var size: Int { matrix.size }
    private let matrix: QRMatrix

    /// Encodes `text` as UTF-8 in the smallest version that holds it, with the lowest-penalty mask.
    public init(encoding text: String) throws(QRCodeError) {
        let bytes = Array(text.utf8)
        guard let version = QRVersion.smallest(holding: bytes.count) else {
            throw .tooLong(byteCount: bytes.count, maximum: QRVersion.all.last?.byteCapacity ?? 0)
        }
        var base = QRMatrix(size: version.size)
        QRFunctionPatterns.draw(on: &base, version: version)
        Self.place(QRCodewords.build(bytes, version: version), on: &base)
        var best: (matrix: QRMatrix, mask: Int, penalty: Int)?
        for mask in 0..<8 {
            var candidate = base
            QRMask.apply(mask, to: &candidate)
            QRFunctionPatterns.drawFormat(on: &candidate, mask: mask)
            let penalty = QRMask.penalty(of: candidate)
            if penalty < best?.penalty ?? Int.max { best = (candidate, mask, penalty) }
        }
        self.version = version.number
        self.mask = best?.mask ?? 0
        self.matrix = best?.matrix ?? base
    }

    /// True when the module at column `x`, row `y` is dark; modules outside the symbol are light.
    public func isDark(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < size, y < size else { return false }
        return matrix.isDark(x: x, y: y)
    }

    /// Places codeword bits in the two-column zigzag, right to left, skipping the vertical timing column.
    private static func place(_ codewords: [UInt8], on matrix: inout QRMatrix) {
        let size = matrix.size
        let totalBits = codewords.count * 8
        var bitIndex = 0
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            let upward = (right + 1) & 2 == 0
            for step in 0..<size {
                let y = upward ? size - 1 - step : step
                for x in [right, right - 1] where !matrix.isFunctionModule(x: x, y: y) && bitIndex < totalBits {
                    let dark = (codewords[bitIndex / 8] >> UInt8(7 - bitIndex % 8)) & 1 == 1
                    matrix.setData(x: x, y: y, dark: dark)
                    bitIndex += 1
                }
            }
            right -= 2
        }
    }
}

/// The text could not be encoded as a QR code.
public enum QRCodeError: Error, Hashable, Sendable, CustomStringConvertible {
    case tooLong(byteCount: Int, maximum: Int)

    public var description: String {
        switch self {
        case .tooLong(let count, let maximum): "The text is \(count) bytes; a QR code here holds at most \(maximum)."
        }
    }
}
