enum UsersTemplate {
    static let source = #"""
<h1>Users</h1>
{{^hasData}}<div class="empty"><p><strong>No requests with a user in this range.</strong></p>
<p>Loupe reads the user from <code>user.id</code>, <code>enduser.id</code> and the conventions' user attributes.</p></div>{{/hasData}}
{{#hasData}}
<section class="cards" id="engagement">{{#engagement}}<div class="card" id="card-{{id}}"><div class="label">{{label}}</div><div class="value">{{value}}</div></div>{{/engagement}}</section>
{{#hasCohorts}}<h2>Weekly retention</h2>
<div class="panel tablewrap"><table id="cohorts"><thead><tr><th>first seen (week of)</th><th class="num">users</th>{{#cohortWeeks}}<th class="num">{{.}}</th>{{/cohortWeeks}}</tr></thead><tbody>
{{#cohorts}}<tr><td>{{week}}</td><td class="num">{{users}}</td>{{#retained}}<td class="num">{{.}}</td>{{/retained}}</tr>{{/cohorts}}
</tbody></table><p class="muted">The share of each week's new users active in the weeks after (Monday to Sunday, UTC).</p></div>{{/hasCohorts}}
<p>Top users by {{#sorts}}<a class="chip{{#active}} active{{/active}}" href="{{href}}">{{label}}</a> {{/sorts}}</p>
<div class="panel tablewrap"><table class="sortable" id="users"><thead><tr><th>user</th><th class="num">requests</th><th class="num">failed</th>
<th class="num">error rate</th><th class="num">p95</th><th class="num">tokens</th><th class="num">cost</th><th></th></tr></thead><tbody>
{{#rows}}<tr><td><a href="{{href}}">{{user}}</a></td><td class="num">{{requests}}</td><td class="num">{{errors}}</td><td class="num" data-v="{{errorRateRaw}}">{{errorRate}}</td>
<td class="num" data-v="{{p95Raw}}">{{p95}}</td><td class="num" data-v="{{tokensRaw}}">{{tokens}}</td><td class="num" data-v="{{costRaw}}">{{cost}}</td>
<td><a href="{{sessionsHref}}">sessions</a> · <a href="{{tracesHref}}">traces →</a></td></tr>{{/rows}}
</tbody></table>
{{#truncated}}<p class="muted">The top {{limit}}; narrow the range or filter for others.</p>{{/truncated}}</div>
{{/hasData}}
{{#user}}<h2>Sessions of <code>{{user}}</code></h2>
<div class="panel tablewrap"><table class="sortable" id="sessions"><thead><tr><th>session</th><th>started</th><th class="num">duration</th>
<th class="num">traces</th><th class="num">failed</th><th class="num">cost</th></tr></thead><tbody>
{{#sessions}}<tr><td><a href="{{href}}">{{id}}</a></td><td data-v="{{startedISO}}"><time datetime="{{startedISO}}">{{started}}</time></td>
<td class="num" data-v="{{durationMs}}">{{duration}}</td><td class="num">{{traces}}</td><td class="num">{{failed}}</td><td class="num" data-v="{{costRaw}}">{{cost}}</td></tr>{{/sessions}}
</tbody></table>
{{^sessions}}<p class="muted">No trace of this user names a session (<code>session.id</code>, <code>gen_ai.conversation.id</code> or the conventions' session attributes).</p>{{/sessions}}
{{#sessionsTruncated}}<p class="muted">From the user's newest traces only; narrow the range for older sessions.</p>{{/sessionsTruncated}}</div>
{{/user}}
"""#
}
