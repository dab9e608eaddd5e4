/// Arithmetic in GF(256) with the QR code polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11D).
enum GaloisField {
    /// `exp[i]` = alpha^i for i in 0..<510 (doubled so products need no modulo).
    static let exp: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 510)
        var value = 1
        for index in 0..<255 {
            table[index] = UInt8(value)
            table[index + 255] = UInt8(value)
            value <<= 1
            if value & 0x100 != 0 { value ^= 0x11D }
        }
        return table
    }()

    /// `log[v]` for v in 1...255 (`log[0]` is unused).
    static let log: [Int] = {
        var table = [Int](repeating: 0, count: 256)
        for index in 0..<255 { table[Int(exp[index])] = index }
        return table
    }()

    static func multiply(_ lhs: UInt8, _ rhs: UInt8) -> UInt8 {
        guard lhs != 0, rhs != 0 else { return 0 }
        return exp[log[Int(lhs)] + log[Int(rhs)]]
    }
}

/// Reed-Solomon error-correction codewords as QR codes use them.
enum ReedSolomon {
    /// The generator polynomial (x - alpha^0)(x - alpha^1)...(x - alpha^(degree-1)), highest power first,
    /// without the leading 1.
    static func generator(degree: Int) -> [UInt8] {
        var coefficients: [UInt8] = [1]
        for power in 0..<degree {
            var next = [UInt8](repeating: 0, count: coefficients.count + 1)
            for (index, coefficient) in coefficients.enumerated() {
                next[index] ^= coefficient
                next[index + 1] ^= GaloisField.multiply(coefficient, GaloisField.exp[power])
            }
            coefficients = next
        }
        return Array(coefficients.dropFirst())
    }

    /// The `count` error-correction codewords for `data` (the remainder of data * x^count / generator).
    static func errorCorrection(for data: [UInt8], count: Int) -> [UInt8] {
        let generator = generator(degree: count)
        var remainder = [UInt8](repeating: 0, count: count)
        for byte in data {
            let factor = byte ^ (remainder.first ?? 0)
            remainder.removeFirst()
            remainder.append(0)
            for index in 0..<count { remainder[index] ^= GaloisField.multiply(generator[index], factor) }
        }
        return remainder
    }
}
