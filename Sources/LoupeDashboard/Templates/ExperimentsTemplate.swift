enum ExperimentsTemplate {
    static let source = #"""
<h1>Experiments</h1>
{{#hasChips}}<p id="experiments">{{#chips}}<a class="chip{{#active}} active{{/active}}" href="{{href}}">{{label}}</a> {{/chips}}</p>{{/hasChips}}
{{#hasExperiments}}
<section class="verdict {{decision}}" id="verdict"><div class="label">{{name}}</div><div class="value">{{decisionLabel}}</div><p>{{reason}}</p></section>
{{#mismatch}}<p class="warning" id="mismatch">The split is not what it should be: fix assignment or logging before reading any difference below.</p>{{/mismatch}}
{{#truncated}}<p class="muted">Latency figures are of each variant's newest 100,000 requests; every other figure counts them all.</p>{{/truncated}}
<h2>Variants</h2>
<table id="variants"><thead><tr><th>variant</th><th class="num">requests</th><th class="num">units</th><th class="num">success</th><th class="num">errors</th><th class="num">p50</th><th class="num">p95</th><th class="num">cost / request</th>{{#scoreNames}}<th class="num">{{.}}</th>{{/scoreNames}}</tr></thead>
<tbody>{{#variants}}<tr data-variant="{{name}}"><td>{{name}}{{#isControl}} <span class="badge">{{controlLabel}}</span>{{/isControl}}</td><td class="num">{{requests}}</td><td class="num">{{units}}</td><td class="num">{{success}}</td><td class="num">{{errors}}</td><td class="num">{{p50}}</td><td class="num">{{p95}}</td><td class="num">{{cost}}</td>{{#scores}}<td class="num">{{.}}</td>{{/scores}}</tr>{{/variants}}</tbody></table>
{{#sampleRatio}}<p class="muted" id="split-check">{{.}}</p>{{/sampleRatio}}
{{#comparisons}}<section class="comparison" data-treatment="{{treatment}}"><h2>{{treatment}} against {{control}} <span class="badge verdict-badge {{decision}}">{{decisionLabel}}</span></h2>
<p class="reason">{{reason}}</p>
<table class="differences"><thead><tr><th>measure</th><th class="num">{{control}}</th><th class="num">{{treatment}}</th><th class="num">difference</th><th class="num">95% interval</th><th class="num">p</th><th>test</th></tr></thead>
<tbody>{{#rows}}<tr class="{{tone}}"><td>{{measure}}</td><td class="num">{{control}}</td><td class="num">{{treatment}}</td><td class="num">{{difference}}</td><td class="num">{{interval}}</td><td class="num">{{p}}</td><td class="muted">{{test}}</td></tr>{{/rows}}</tbody></table>
{{#power}}<p class="muted power">{{.}}</p>{{/power}}</section>{{/comparisons}}
<p class="muted">Success means no failed span and no negative user feedback. Units are distinct users (else sessions). Green and red rows differ beyond chance (p &lt; 0.05).</p>
{{/hasExperiments}}
{{^hasExperiments}}{{#compareEmpty}}<div class="empty"><p><strong>No request in this range records {{.}}.</strong></p>
<p>A request's model is its first generating call's (<code>gen_ai.request.model</code> and the conventions' model attributes); its prompt version comes from <code>gen_ai.prompt.version</code>, <code>llm.prompt_template.version</code>, <code>traceloop.prompt.version</code>, <code>langfuse.prompt.version</code> or <code>prompt_engineering_version</code>.</p></div>{{/compareEmpty}}
{{^compareEmpty}}<div class="empty"><p><strong>No experiment in this range.</strong></p>
<p>A request joins an experiment through its spans' attributes: <code>loupe.experiment</code> and <code>loupe.experiment.variant</code> (the Swift SDK's <code>Span.recordExperiment</code>), or OpenTelemetry's <code>feature_flag.key</code> with <code>feature_flag.result.variant</code>. Send them to {{otlpEndpoint}}, and user feedback to <code>POST /api/v1/scores</code>.</p></div>{{/compareEmpty}}{{/hasExperiments}}
{{#hasQuality}}<h2>Scores against latency</h2>
<div class="panel tablewrap" id="quality">{{#quality}}<table class="quality" data-score="{{name}}"><thead><tr><th>{{name}} (mean {{mean}} over {{count}})</th>{{#buckets}}<th class="num">{{label}}</th>{{/buckets}}</tr></thead>
<tbody><tr><td class="muted">mean (requests)</td>{{#buckets}}<td class="num">{{mean}} ({{count}})</td>{{/buckets}}</tr></tbody></table>
{{#latency}}<p class="muted">{{.}}</p>{{/latency}}{{/quality}}
<p class="muted">Every request of the range with a score, whatever its experiment; scales on 0…1, yes = 1.</p></div>{{/hasQuality}}
"""#
}
