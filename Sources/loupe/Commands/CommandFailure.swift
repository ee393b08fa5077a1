/// A command that could not do its work for a reason outside its arguments (a server that does not
/// answer, say): printed as one sentence, exit status 1, and no usage text, which would not help.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
