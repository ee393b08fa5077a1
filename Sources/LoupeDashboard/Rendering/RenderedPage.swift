/// A page's title and its content, before the layout wraps them.
struct RenderedPage: Sendable {
    var title: String
    var content: String
    /// Whether the page refreshes itself while it shows a relative range.
    var live = false
    /// Something the reader should know about the view, such as filters this page cannot apply.
    var notice = ""
}
