enum TraceListTemplate {
    static let source = #"""
<h1>Traces{{#session}} of session <code>{{session}}</code>{{/session}}</h1>
{{#session}}<p><a href="{{allSessionsHref}}">← All sessions</a></p>{{/session}}
<form class="minimums" method="get" action="/ui/traces"><p>{{#statuses}}<a href="{{href}}" class="chip{{#active}} active{{/active}}">{{label}}</a> {{/statuses}}
{{#hidden}}<input type="hidden" name="{{name}}" value="{{value}}">{{/hidden}}
<label>at least <input name="min_ms" value="{{minMs}}" inputmode="decimal" size="6" aria-label="minimum duration in ms"> ms</label>
<label>costing at least $<input name="min_cost" value="{{minCost}}" inputmode="decimal" size="6" aria-label="minimum cost in dollars"></label>
<button type="submit">Apply</button></p></form>
{{#hasRows}}
<div class="panel tablewrap"><table class="sortable" id="traces"><thead><tr><th>started</th><th>root span</th><th>service</th>
<th class="num">duration</th><th class="num">spans</th><th class="num">errors</th><th class="num">tokens</th><th class="num">cost</th><th>user</th><th>session</th></tr></thead><tbody>
{{#rows}}<tr{{#failed}} class="err"{{/failed}}><td data-v="{{iso}}"><time datetime="{{iso}}">{{time}}</time></td>
<td class="wrap"><a href="{{href}}">{{name}}</a></td><td>{{service}}</td><td class="num" data-v="{{durationMs}}">{{duration}}</td>
<td class="num">{{spans}}</td><td class="num">{{errors}}</td><td class="num">{{tokens}}</td><td class="num" data-v="{{costRaw}}">{{cost}}</td><td class="wrap">{{user}}</td><td>{{#sessionHref}}<a href="{{sessionHref}}">{{session}}</a>{{/sessionHref}}</td></tr>
{{/rows}}
</tbody></table>
{{#truncated}}<p class="muted">Showing the newest {{limit}}. Narrow the range or filter to see others.</p>{{/truncated}}
</div>
{{/hasRows}}
{{^hasRows}}<div class="empty"><p><strong>No traces match.</strong></p>
<p>Widen the time range or remove a filter. No data at all? Point an OpenTelemetry exporter at <code>{{otlpEndpoint}}</code>.</p></div>{{/hasRows}}
"""#
}
