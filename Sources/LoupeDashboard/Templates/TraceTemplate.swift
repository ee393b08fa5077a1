enum TraceTemplate {
    static let source = #"""
<p><a href="{{backHref}}">← Traces</a></p>
<h1>Trace <code>{{traceId}}</code></h1>
<section class="cards">{{#facts}}<div class="card"><div class="label">{{key}}</div><div class="value">{{value}}</div></div>{{/facts}}</section>
<div class="panel"><h2>Where the time went</h2>{{{stages}}}</div>
<div class="trace">
<div class="panel tablewrap"><h2>Spans</h2>
<table class="waterfall" id="waterfall"><thead><tr><th>span</th><th>model</th><th class="num">duration</th><th class="num">tokens</th><th class="num">cost</th><th>timeline</th></tr></thead><tbody>
{{#rows}}<tr id="span-{{spanId}}" class="{{#failed}}failed{{/failed}}{{#selected}} sel{{/selected}}">
<td class="name d{{indent}}"><a href="{{href}}"><span class="op op-{{operation}}" title="{{operation}}"></span>{{name}}</a></td>
<td>{{model}}</td><td class="num">{{duration}}</td><td class="num">{{tokens}}</td><td class="num">{{cost}}</td><td>{{{bar}}}</td></tr>
{{/rows}}
</tbody></table>
{{#paged}}<div class="pager"><a href="{{previousHref}}">← earlier spans</a><span>{{pageText}}</span><a href="{{nextHref}}">later spans →</a></div>{{/paged}}
</div>
<aside class="panel" id="span-detail">{{#span}}<h2>{{name}}</h2>
<dl class="attrs">{{#facts}}<dt>{{key}}</dt><dd>{{value}}</dd>{{/facts}}</dl>
{{#failed}}<h2 class="err">Error</h2><dl class="attrs"><dt>category</dt><dd><span class="badge error">{{category}}</span></dd><dt>type</dt><dd>{{errorType}}</dd><dt>message</dt><dd>{{errorMessage}}</dd></dl>
<p><strong>What to do:</strong> {{remediation}}</p><ul>{{#steps}}<li>{{.}}</li>{{/steps}}</ul>{{/failed}}
{{#hasContent}}<h2>Content (redacted)</h2>{{#content}}<div class="muted">{{key}}</div><pre class="content">{{value}}</pre>{{/content}}{{/hasContent}}
<h2>Attributes</h2><dl class="attrs">{{#attributes}}<dt>{{key}}</dt><dd>{{value}}</dd>{{/attributes}}</dl>
<details><summary class="muted">Resource</summary><dl class="attrs">{{#resource}}<dt>{{key}}</dt><dd>{{value}}</dd>{{/resource}}</dl></details>
{{/span}}</aside>
</div>
"""#
}
