import Foundation

/// Reading answers from the person at the terminal (prompts go to standard error, so standard
/// output stays clean for scripts).
enum TerminalInput {
    static var isInteractive: Bool { isatty(STDIN_FILENO) != 0 }

    /// Asks a question; an empty answer takes `defaultValue`.
    static func ask(_ question: String, defaultValue: String = "") -> String {
        let suffix = defaultValue.isEmpty ? ": " : " [\(defaultValue)]: "
        FileHandle.standardError.write(Data((question + suffix).utf8))
        let answer = (readLine(strippingNewline: true) ?? "").trimmingCharacters(in: .whitespaces)
        return answer.isEmpty ? defaultValue : answer
    }

    /// Asks for a secret without echoing it.
    static func askSecret(_ question: String) -> String {
        FileHandle.standardError.write(Data("\(question): ".utf8))
        var original = termios()
        let canHide = tcgetattr(STDIN_FILENO, &original) == 0
        if canHide {
            var hidden = original
            hidden.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSANOW, &hidden)
        }
        let answer = readLine(strippingNewline: true) ?? ""
        if canHide {
            tcsetattr(STDIN_FILENO, TCSANOW, &original)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        return answer
    }

    /// One line from standard input when it is not a terminal (nil at end of input or for an empty line).
    static func pipedLine() -> String? {
        guard !isInteractive, let line = readLine(strippingNewline: true), !line.isEmpty else { return nil }
        return line
    }
}
