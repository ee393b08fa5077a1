enum OverviewTemplate {
    static let source = #"""
<h1>Overview</h1>
{{^hasData}}
<div class="empty"><p><strong>No traces in this range yet.</strong></p>
<p>Point an OpenTelemetry exporter at <code>{{otlpEndpoint}}</code> (OTLP/HTTP, protobuf or JSON; <code>/v1/metrics</code> and <code>/v1/logs</code> beside it{{#otlpGRPC}}; OTLP/gRPC at <code>{{otlpGRPC}}</code>{{/otlpGRPC}}), or run <code>loupe demo</code>, then come back.</p></div>
{{/hasData}}
{{#hasData}}
<section class="cards" aria-label="Headline numbers">
{{#cards}}<div class="card" id="card-{{id}}"><div class="label">{{label}}</div><div class="value" data-value="{{raw}}">{{value}}</div>
<div class="delta {{deltaClass}}">{{delta}}</div>{{#note}}<div class="note">{{note}}</div>{{/note}}</div>
{{/cards}}
</section>
<section class="grid2">{{#charts}}<div class="panel">{{{.}}}</div>{{/charts}}</section>
<section class="grid2">
<div class="panel"><h2>Top failure modes</h2>{{#failuresSampled}}<p class="muted">among the newest failed spans</p>{{/failuresSampled}}
{{#hasFailures}}<table><thead><tr><th>category</th><th>failure mode</th><th class="num">count</th></tr></thead><tbody>
{{#failures}}<tr><td><span class="badge error">{{category}}</span></td><td class="wrap"><a href="{{href}}">{{message}}</a></td><td class="num">{{count}}</td></tr>{{/failures}}
</tbody></table>{{/hasFailures}}
{{^hasFailures}}<p class="muted">{{#failuresWithoutSpans}}{{failuresWithoutSpans}}{{/failuresWithoutSpans}}{{^failuresWithoutSpans}}No failures in this range.{{/failuresWithoutSpans}}</p>{{/hasFailures}}
<p><a href="{{errorsHref}}">All errors →</a></p></div>
<div class="panel"><h2>Most expensive models</h2>
<table id="top-models"><thead><tr><th>model</th><th class="num">cost</th><th class="num">calls</th></tr></thead><tbody>
{{#models}}<tr><td><a href="{{href}}">{{name}}</a></td><td class="num" data-v="{{raw}}">{{value}}</td><td class="num">{{detail}}</td></tr>{{/models}}
</tbody></table></div>
<div class="panel"><h2>Most expensive services</h2>
<table id="top-services"><thead><tr><th>service</th><th class="num">cost</th><th class="num">{{unit}}</th></tr></thead><tbody>
{{#services}}<tr><td><a href="{{href}}">{{name}}</a></td><td class="num" data-v="{{raw}}">{{value}}</td><td class="num">{{detail}}</td></tr>{{/services}}
</tbody></table></div>
<div class="panel"><h2>Most expensive users</h2>
<table id="top-users"><thead><tr><th>user</th><th class="num">cost</th><th class="num">{{unit}}</th></tr></thead><tbody>
{{#users}}<tr><td><a href="{{href}}">{{name}}</a></td><td class="num" data-v="{{raw}}">{{value}}</td><td class="num">{{detail}}</td></tr>{{/users}}
</tbody></table>
<p><a href="{{usersHref}}">All users →</a></p></div>
</section>
{{/hasData}}
"""#
}
