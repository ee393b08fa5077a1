enum ErrorsTemplate {
    static let source = #"""
<h1>Errors</h1>
{{#hasErrors}}
<section class="cards"><div class="card" id="card-failures"><div class="label">failures (root causes)</div><div class="value" data-value="{{rootCauses}}">{{rootCauses}}</div>
<div class="note">a failure that propagates up a trace counts once, under its deepest failed span</div></div>
<div class="card" id="card-failed-spans"><div class="label">failed spans</div><div class="value" data-value="{{totalErrors}}">{{totalErrors}}</div></div></section>
<div class="panel">{{{chart}}}</div>
{{#focused}}<p><a href="{{allHref}}">← All failure modes</a></p>{{/focused}}
{{#categories}}
<section class="panel" id="category-{{name}}"><h2><span class="badge error">{{name}}</span> {{title}} · {{count}}</h2>
<p><strong>What to do:</strong> {{remediation}}</p>{{#focused}}<ul>{{#steps}}<li>{{.}}</li>{{/steps}}</ul>{{/focused}}
<div class="tablewrap"><table class="sortable"><thead><tr><th>failure mode</th><th class="num">count</th><th>trend</th><th>last seen</th><th>where</th><th>example traces</th></tr></thead><tbody>
{{#modes}}<tr id="mode-{{fingerprint}}"><td class="wrap"><a href="{{href}}">{{message}}</a><div class="muted">{{errorType}}</div></td><td class="num">{{count}}</td><td>{{{trend}}}</td>
<td data-v="{{lastSeenISO}}"><time datetime="{{lastSeenISO}}">{{lastSeen}}</time><div class="muted">first <time datetime="{{firstSeenISO}}">{{firstSeen}}</time></div></td>
<td class="wrap where">{{#models}}<div><span class="muted">models</span> {{models}}</div>{{/models}}<div><span class="muted">services</span> {{services}}</div>{{#users}}<div><span class="muted">users</span> {{users}}</div>{{/users}}</td><td class="wrap">{{#examples}}<a class="example" href="{{href}}">{{label}}</a> {{/examples}}</td></tr>
{{/modes}}</tbody></table></div></section>
{{/categories}}
{{#truncated}}<p class="muted">Only the newest failures were read; narrow the range for exact counts.</p>{{/truncated}}
{{/hasErrors}}
{{^hasErrors}}<div class="empty">{{#failuresWithoutSpans}}<p><strong>No failed span in this range.</strong></p><p>{{failuresWithoutSpans}}</p>{{/failuresWithoutSpans}}{{^failuresWithoutSpans}}<p><strong>No failures in this range.</strong></p><p>Widen the time range, or remove a filter.</p>{{/failuresWithoutSpans}}</div>{{/hasErrors}}
"""#
}
