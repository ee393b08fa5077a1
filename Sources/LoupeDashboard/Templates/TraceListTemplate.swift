enum TraceListTemplate {
    static let source = #"""
<h1>Traces</h1>
<p>{{#statuses}}<a href="{{href}}" class="chip{{#active}} active{{/active}}">{{label}}</a> {{/statuses}}
<span class="muted">Also filter with <code>min_ms</code> and <code>min_cost</code> in the URL.</span></p>
{{#hasRows}}
<div class="panel tablewrap"><table class="sortable" id="traces"><thead><tr><th>started</th><th>root span</th><th>service</th>
<th class="num">duration</th><th class="num">spans</th><th class="num">errors</th><th class="num">tokens</th><th class="num">cost</th><th>user</th></tr></thead><tbody>
{{#rows}}<tr{{#failed}} class="err"{{/failed}}><td data-v="{{iso}}"><time datetime="{{iso}}">{{time}}</time></td>
<td class="wrap"><a href="{{href}}">{{name}}</a></td><td>{{service}}</td><td class="num" data-v="{{durationMs}}">{{duration}}</td>
<td class="num">{{spans}}</td><td class="num">{{errors}}</td><td class="num">{{tokens}}</td><td class="num" data-v="{{costRaw}}">{{cost}}</td><td>{{user}}</td></tr>
{{/rows}}
</tbody></table>
{{#truncated}}<p class="muted">Showing the newest {{limit}}. Narrow the range or filter to see others.</p>{{/truncated}}
</div>
{{/hasRows}}
{{^hasRows}}<div class="empty"><p><strong>No traces match.</strong></p>
<p>Widen the time range or remove a filter. No data at all? Point an OpenTelemetry exporter at <code>{{otlpEndpoint}}</code>.</p></div>{{/hasRows}}
"""#
}
