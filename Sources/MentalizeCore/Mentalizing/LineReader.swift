public import Foundation

/// Reads UTF-8 lines from a file handle in chunks, so large inputs stream without loading them whole.
/// A read error (the path is a directory, the disk fails) ends the lines and is kept in `readError`
/// for the caller to report: `FileHandle.readData(ofLength:)` would stop the process instead.
public struct LineReader: Sequence, IteratorProtocol {
    private let handle: FileHandle
    private var buffer = Data()
    private var finished = false
    /// Why reading stopped before the end of the input; nil while reading goes well.
    public private(set) var readError: (any Error)?

    public init(handle: FileHandle) {
        self.handle = handle
    }

    public mutating func next() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[buffer.startIndex..<newline]
                buffer.removeSubrange(buffer.startIndex...newline)
                return Self.decode(line)
            }
            if finished {
                guard !buffer.isEmpty else { return nil }
                defer { buffer.removeAll() }
                return Self.decode(buffer)
            }
            do {
                let chunk = try handle.read(upToCount: 64 * 1024) ?? Data()
                if chunk.isEmpty { finished = true } else { buffer.append(chunk) }
            } catch {
                // The unfinished line is not a line: it is dropped with the rest of the input.
                readError = error
                buffer.removeAll()
                finished = true
            }
        }
    }

    private static func decode(_ bytes: Data) -> String {
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasSuffix("\r") { text.removeLast() }
        return text
    }
}
