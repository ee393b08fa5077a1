enum UsersTemplate {
    static let source = #"""
<h1>Users</h1>
{{^hasData}}<div class="empty"><p><strong>No requests with a user in this range.</strong></p>
<p>Loupe reads the user from <code>user.id</code>, <code>enduser.id</code> and the conventions' user attributes.</p></div>{{/hasData}}
{{#hasData}}
<p>Top users by {{#sorts}}<a class="chip{{#active}} active{{/active}}" href="{{href}}">{{label}}</a> {{/sorts}}</p>
<div class="panel tablewrap"><table class="sortable" id="users"><thead><tr><th>user</th><th class="num">requests</th><th class="num">failed</th>
<th class="num">error rate</th><th class="num">p95</th><th class="num">tokens</th><th class="num">cost</th><th></th></tr></thead><tbody>
{{#rows}}<tr><td><a href="{{href}}">{{user}}</a></td><td class="num">{{requests}}</td><td class="num">{{errors}}</td><td class="num" data-v="{{errorRateRaw}}">{{errorRate}}</td>
<td class="num" data-v="{{p95Raw}}">{{p95}}</td><td class="num" data-v="{{tokensRaw}}">{{tokens}}</td><td class="num" data-v="{{costRaw}}">{{cost}}</td>
<td><a href="{{tracesHref}}">traces →</a></td></tr>{{/rows}}
</tbody></table>
{{#truncated}}<p class="muted">The top {{limit}}; narrow the range or filter for others.</p>{{/truncated}}</div>
{{/hasData}}
"""#
}
