enum TimeTemplate {
    static let source = #"""
<h1>Where the time goes</h1>
{{^hasData}}<div class="empty"><p><strong>No traces in this range.</strong></p><p>Widen the time range, or remove a filter.</p></div>{{/hasData}}
{{#hasData}}
<p>{{#operations}}<a class="chip{{#active}} active{{/active}}" href="{{href}}">{{label}} · {{traces}}</a> {{/operations}}</p>
<section class="cards">
<div class="card" id="card-slowest"><div class="label">slowest stage</div><div class="value">{{callout}}</div></div>
<div class="card"><div class="label">request p50</div><div class="value">{{p50}}</div></div>
<div class="card"><div class="label">request p95</div><div class="value">{{p95}}</div></div>
<div class="card"><div class="label">traces</div><div class="value">{{sampled}}</div><div class="note">the newest {{sampled}}; {{total}} among the range's newest {{window}} traces</div></div>
</section>
<div class="panel"><h2>{{operation}}: share of time per stage</h2>{{{bar}}}</div>
<div class="panel tablewrap"><table class="sortable" id="stages"><thead><tr><th>stage</th><th class="num">share of time</th><th class="num">mean per request</th>
<th class="num">p50 when present</th><th class="num">p95 when present</th><th class="num">requests with it</th></tr></thead><tbody>
{{#stages}}<tr data-stage="{{stage}}"><td><span class="op op-{{stage}}"></span>{{label}}</td><td class="num" data-v="{{shareRaw}}">{{share}}</td><td class="num">{{mean}}</td>
<td class="num">{{p50}}</td><td class="num">{{p95}}</td><td class="num">{{traces}}</td></tr>{{/stages}}
</tbody></table>
<p><a href="{{tracesHref}}">Traces of this service slower than the p95 →</a></p></div>
{{/hasData}}
"""#
}
