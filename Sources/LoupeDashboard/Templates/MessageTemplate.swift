enum MessageTemplate {
    static let source = #"""
<div class="empty"><p><strong>{{headline}}</strong></p><p>{{text}}</p><p><a href="{{href}}">Back to the overview</a></p></div>
"""#
}
