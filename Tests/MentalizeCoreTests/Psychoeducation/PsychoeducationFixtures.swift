@testable import MentalizeCore

/// Module documents written for the loader tests.
enum PsychoeducationFixtures {
    /// A valid module body of `words` words: a paragraph, a heading, a list and a closing paragraph.
    static func body(words: Int = 320) -> String {
        let filler = Array(repeating: "calm", count: max(0, words - 15)).joined(separator: " ")
        return """
        Feelings come and go, and you can notice them.

        ## A heading

        - one item here
        - two

        \(filler).
        """
    }

    static func document(id: String = "sample", order: String = "1", title: String = "A sample",
                         summary: String = "This is a sample module.", extra: String = "", body: String = body()) -> String {
        """
        ---
        id: \(id)
        order: \(order)
        title: \(title)
        summary: \(summary)
        exercise: Write one line about today.
        reflection: What did you notice?
        \(extra)
        ---

        \(body)
        """
    }

    static func issues(_ files: [(name: String, text: String)]) -> [PsychoeducationIssue] {
        do {
            _ = try PsychoeducationLibrary.load(files: files)
            return []
        } catch let error as PsychoeducationError {
            return error.issues
        } catch {
            return [PsychoeducationIssue(file: "", field: "", message: "\(error)")]
        }
    }
}
