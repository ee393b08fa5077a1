enum AlertsTemplate {
    static let source = #"""
<h1>Alerts</h1>
{{^enabled}}<div class="empty"><p><strong>Alerting is off on this server.</strong></p><p>Start <code>loupe serve</code> without <code>--no-alerts</code>; <code>loupe alerts example</code> prints a rules file to start from.</p></div>{{/enabled}}
{{#enabled}}
<section class="cards"><div class="card" id="card-firing"><div class="label">firing</div><div class="value" data-value="{{firing}}">{{firing}}</div></div></section>
{{#hasAlerts}}<div class="panel tablewrap"><table id="alerts"><thead><tr><th>status</th><th>rule</th><th>where</th><th>what it found</th><th>since</th><th></th></tr></thead><tbody>
{{#alerts}}<tr id="alert-{{id}}" class="alert-{{status}}"><td><span class="badge {{severity}}">{{status}} · {{severity}}</span></td><td>{{rule}}</td><td class="wrap">{{place}}</td>
<td class="wrap">{{detail}}{{#notes}}<div class="muted">{{notes}}</div>{{/notes}}</td><td data-v="{{sinceISO}}"><time datetime="{{sinceISO}}">{{since}}</time></td>
<td class="actions">{{#open}}<form method="post" action="{{actionBase}}/ack"><button type="submit">Acknowledge</button></form>
<form method="post" action="{{actionBase}}/silence"><input type="hidden" name="until" value="2h"><button type="submit">Silence 2 h</button></form>
<form method="post" action="{{actionBase}}/resolve"><button type="submit">Resolve</button></form>{{/open}}</td></tr>{{/alerts}}
</tbody></table></div>{{/hasAlerts}}
{{^hasAlerts}}<div class="empty"><p><strong>No alerts: every rule is within bounds.</strong></p></div>{{/hasAlerts}}
<h2>The last day</h2>
{{#hasEvents}}<div class="panel tablewrap"><table id="alert-history"><thead><tr><th>when</th><th>event</th><th>rule</th><th>where</th><th>detail</th></tr></thead><tbody>
{{#events}}<tr><td data-v="{{atISO}}"><time datetime="{{atISO}}">{{at}}</time></td><td>{{event}}</td><td>{{rule}}</td><td class="wrap">{{place}}</td><td class="wrap">{{detail}}</td></tr>{{/events}}
</tbody></table></div>{{/hasEvents}}
{{^hasEvents}}<p class="muted">Nothing happened in the last 24 hours.</p>{{/hasEvents}}
<h2>Rules</h2>
<div class="panel tablewrap"><table id="alert-rules"><thead><tr><th>rule</th><th>kind</th><th>condition</th><th>window</th><th>per</th><th>state</th></tr></thead><tbody>
{{#rules}}<tr><td>{{name}}</td><td>{{kind}}</td><td class="wrap">{{condition}}</td><td>{{window}}</td><td>{{group}}</td>
<td>{{#enabled}}on{{/enabled}}{{^enabled}}off{{/enabled}}{{#failure}}<div class="err">cannot be evaluated: {{failure}}</div>{{/failure}}</td></tr>{{/rules}}
</tbody></table>
<p class="muted">Channels: {{#channels}}{{channels}}, and{{/channels}} a log line per notification{{^channels}}; add <code>--alert-webhook URL</code> or a rules file with channels{{/channels}}.</p></div>
{{/enabled}}
"""#
}
