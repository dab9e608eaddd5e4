import Vapor

/// A form whose body could not be read as the page's fields (a field of the wrong type, a name
/// sent twice where one was expected, a body that is not a form). Never a silent empty form:
/// the person gets the "not saved" page with what they typed, the API a problem+json 400.
struct MalformedForm: Error {
    let form: String
}

extension Request {
    /// The posted form decoded as `Form`, or ``MalformedForm``: the one way handlers read a form.
    func form<Form: Decodable>(_ type: Form.Type = Form.self) throws -> Form {
        do {
            return try content.decode(Form.self)
        } catch {
            throw MalformedForm(form: String(describing: Form.self))
        }
    }
}
