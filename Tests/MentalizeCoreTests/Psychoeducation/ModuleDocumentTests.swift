import Foundation
import Testing
@testable import MentalizeCore

@Suite("Psychoeducation module reader and validator")
struct ModuleDocumentTests {
    @Test("the body becomes headings, paragraphs and lists; paragraph lines are joined")
    func blocks() {
        // setup
        let text = "---\nid: a\n---\nFirst line\nsecond line.\n\n## Head\n\n### Sub\n- one\n- two\nAfter."
        // act
        let document = ModuleDocument(text: text)
        // verify
        #expect(document.issues.isEmpty)
        #expect(document.blocks == [
            PsychoeducationBlock(kind: .paragraph, text: "First line second line."),
            PsychoeducationBlock(kind: .heading2, text: "Head"),
            PsychoeducationBlock(kind: .heading3, text: "Sub"),
            PsychoeducationBlock(kind: .bulletList, items: ["one", "two"]),
            PsychoeducationBlock(kind: .paragraph, text: "After."),
        ])
    }

    @Test("Windows line endings read the same")
    func crlf() {
        let document = ModuleDocument(text: "---\r\nid: a\r\n---\r\nHello.\r\n\r\n- x\r\n")
        #expect(document.issues.isEmpty)
        #expect(document.fields["id"]?.value == "a")
        #expect(document.blocks.map(\.kind) == [.paragraph, .bulletList])
    }

    @Test("a valid document loads into a module")
    func valid() throws {
        let library = try PsychoeducationLibrary.load(files: [("sample.md", PsychoeducationFixtures.document())])
        let module = try #require(library.modules.first)
        #expect(module.id == "sample" && module.order == 1 && module.exercise.reflection == "What did you notice?")
        #expect(module.wordCount == 320)
    }

    @Test("problems name the file and the field", arguments: [
        BrokenModule(body: "<b>Hi</b>\n\n" + PsychoeducationFixtures.body(), field: "body line 11", message: "'<' is not allowed"),
        BrokenModule(body: "# Title\n\n" + PsychoeducationFixtures.body(), field: "body line 11", message: "only '## ' and '### '"),
        BrokenModule(body: "#### Deep\n\n" + PsychoeducationFixtures.body(), field: "body line 11", message: "only '## ' and '### '"),
        BrokenModule(body: "### Sub first\n\n" + PsychoeducationFixtures.body(), field: "body line 11", message: "level-3 heading"),
        BrokenModule(body: "1. first\n\n" + PsychoeducationFixtures.body(), field: "body line 11", message: "only '- ' bullet lists"),
        BrokenModule(body: "  indented\n\n" + PsychoeducationFixtures.body(), field: "body line 11", message: "indented"),
        BrokenModule(body: "Some **bold** words.\n\n" + PsychoeducationFixtures.body(), field: "body line 11", message: "'*' is not allowed"),
        BrokenModule(body: "See [this](http://x).\n\n" + PsychoeducationFixtures.body(), field: "body line 11", message: "'[' is not allowed"),
        BrokenModule(body: PsychoeducationFixtures.body(words: 200), field: "body", message: "has 200 words"),
        BrokenModule(body: PsychoeducationFixtures.body(words: 700), field: "body", message: "has 700 words"),
        BrokenModule(id: "Sample", field: "id", message: "lower-case words"),
        BrokenModule(id: "other", field: "id", message: "does not match the file name"),
        BrokenModule(order: "first", field: "order", message: "whole number"),
        BrokenModule(order: "0", field: "order", message: "whole number"),
        BrokenModule(title: "", field: "title", message: "is empty"),
        BrokenModule(summary: "Two sentences. Not one.", field: "summary", message: "one sentence"),
        BrokenModule(summary: "No full stop", field: "summary", message: "one sentence"),
        BrokenModule(extra: "author: someone", field: "front matter line 8", message: "unknown key 'author'"),
        BrokenModule(extra: "title: again", field: "title", message: "is given twice"),
        BrokenModule(extra: "no colon here", field: "front matter line 8", message: "expected 'key: value'"),
    ])
    func broken(_ broken: BrokenModule) {
        // act
        let issues = PsychoeducationFixtures.issues([("sample.md", broken.text)])
        // verify
        let match = issues.first { $0.field == broken.field && $0.message.contains(broken.message) }
        #expect(match != nil, "got \(issues)")
        #expect(match?.description.hasPrefix("sample.md: \(broken.field): ") == true)
    }

    @Test("a missing required key and missing front matter are reported")
    func missing() {
        let noExercise = PsychoeducationFixtures.document().replacingOccurrences(of: "exercise: Write one line about today.\n", with: "")
        #expect(PsychoeducationFixtures.issues([("sample.md", noExercise)]).contains { $0.field == "exercise" && $0.message == "is missing" })
        #expect(PsychoeducationFixtures.issues([("x.md", "Just text.")]).map(\.field) == ["front matter", "id", "order", "title", "summary", "exercise", "body", "body"])
    }

    @Test("two modules with one order, and an empty folder, are errors; all files are reported together")
    func library() {
        let issues = PsychoeducationFixtures.issues([
            ("a.md", PsychoeducationFixtures.document(id: "a")),
            ("b.md", PsychoeducationFixtures.document(id: "b")),
            ("c.md", PsychoeducationFixtures.document(id: "c", order: "x")),
        ])
        #expect(issues.map(\.description) == [
            "b.md: order: 1 is also used by 'a'",
            "c.md: order: must be a whole number from 1",
        ])
        #expect(PsychoeducationFixtures.issues([]).map(\.message) == ["no modules found"])
    }
}

/// One broken module document and the issue it must produce.
struct BrokenModule: CustomTestStringConvertible, Sendable {
    var text: String
    var field: String
    var message: String

    init(id: String = "sample", order: String = "1", title: String = "A sample", summary: String = "This is a sample module.",
         extra: String = "", body: String = PsychoeducationFixtures.body(), field: String, message: String) {
        text = PsychoeducationFixtures.document(id: id, order: order, title: title, summary: summary, extra: extra, body: body)
        self.field = field
        self.message = message
    }

    var testDescription: String { "\(field): \(message)" }
}
