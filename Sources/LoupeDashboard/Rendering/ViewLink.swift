/// A link a page offers among others (a page, a range, a grouping), marked when it is the one shown.
struct ViewLink: Sendable {
    var label: String
    var href: String
    var active: Bool
}
