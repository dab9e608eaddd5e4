public import ArgumentParser
import Foundation
import MentalizeCore

/// `mentalize analyze`: JSON lines in, one JSON line of mentalizing signals out per input.
public struct AnalyzeCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyse texts (JSON lines {\"id\", \"text\"}) for signals of mentalizing and reflection prompts.")

    @Argument(help: "A JSON-lines file to read; standard input when omitted.")
    var file: String?

    @Option(help: "A weights JSON file to use instead of the bundled weights.")
    var weights: String?

    @Flag(help: "Print a readable report for the first text instead of JSON.")
    var explain = false

    @Option(help: "Write a progress line to standard error every N inputs (0 = never).")
    var progressEvery = 1000

    public init() {}

    public func run() throws {
        let analyzer: MentalizingAnalyzer
        do {
            analyzer = try weights.map { try MentalizingAnalyzer(weightsFile: URL(fileURLWithPath: $0)) } ?? MentalizingAnalyzer()
        } catch {
            throw ValidationError(String(describing: error))
        }
        let handle: FileHandle
        if let file {
            guard let opened = FileHandle(forReadingAtPath: file) else { throw ValidationError("cannot open \(file)") }
            handle = opened
        } else {
            handle = FileHandle.standardInput
        }
        let stream = AnalysisStream(analyzer: analyzer)
        var lines = LineReader(handle: handle)
        var lineNumber = 0
        while let line = lines.next() {
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            lineNumber += 1
            if explain {
                print(stream.explain(line: line))
                return
            }
            // One unbuffered write per line, so each result is flushed as soon as it is ready.
            FileHandle.standardOutput.write(Data((stream.process(line: line, lineNumber: lineNumber) + "\n").utf8))
            if progressEvery > 0, lineNumber % progressEvery == 0 {
                FileHandle.standardError.write(Data("analyze: \(lineNumber) texts\n".utf8))
            }
        }
        if let error = lines.readError {
            throw ValidationError("cannot read \(file ?? "standard input"): \(error.localizedDescription)")
        }
    }
}
