enum RecommendationsTemplate {
    static let source = #"""
<h1>Recommendations</h1>
<p class="muted" id="basis">{{basis}}</p>
{{#young}}<p class="muted" id="young">Less than an hour of data: a month's saving here is this short stretch's rate, not a month's pattern.</p>{{/young}}
{{#ignoredFilters}}<p class="muted">Recommendations apply the project and service filters only; {{ignoredFilters}} is not applied.</p>{{/ignoredFilters}}
<section class="cards"><div class="card" id="card-saving"><div class="label">saving a month, all done</div><div class="value">{{total}}</div></div>
<div class="card" id="card-count"><div class="label">recommendations</div><div class="value" data-value="{{count}}">{{count}}</div></div>
<div class="card" id="card-faster"><div class="label">make requests faster</div><div class="value" data-value="{{faster}}">{{faster}}</div></div></section>
<p id="kinds">{{#kinds}}<a class="chip{{#active}} active{{/active}}" href="{{href}}">{{label}}</a> {{/kinds}}</p>
{{#hasItems}}<ol class="recommendations">
{{#items}}<li class="recommendation" data-kind="{{kind}}"><div><span class="badge">{{area}}</span> <strong class="action">{{action}}</strong></div>
<div class="gain">{{#saving}}<span class="saving">saves ~{{.}} a month</span> {{/saving}}{{#latency}}<span class="latency">~{{.}} off affected requests</span> {{/latency}}<span class="badge confidence {{confidenceClass}}">confidence {{confidence}}</span></div>
<p class="reason">{{reason}}</p>
<table class="evidence">{{#evidence}}<tr><th>{{label}}</th><td>{{value}}</td></tr>{{/evidence}}</table>
{{#hasTraces}}<div class="muted traces">Example traces: {{#traces}}<a href="{{href}}">{{label}}</a> {{/traces}}</div>{{/hasTraces}}</li>
{{/items}}</ol>{{/hasItems}}
{{^hasItems}}<div class="empty">{{#hasData}}<p><strong>Nothing to change in this range.</strong></p><p>No cheaper model, cache, limit, retrieval or scaling change stood out. A wider range gives the rules more to go on.</p>{{/hasData}}
{{^hasData}}<p><strong>No data in this range yet.</strong></p><p>Recommendations are drawn from stored traces; widen the range, or send traces.</p>{{/hasData}}</div>{{/hasItems}}
"""#
}
