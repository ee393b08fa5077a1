enum HeatmapTemplate {
    static let source = #"""
<h1>Latency by hour of day</h1>
<p>Rows by {{#options}}<a class="chip{{#active}} active{{/active}}" href="{{href}}">{{label}}</a> {{/options}}</p>
{{#shortRange}}<p class="muted">This range covers only some hours of the day: <a href="{{longRangeHref}}">look at the last 7 days</a> to fill them.</p>{{/shortRange}}
{{^hasData}}<div class="empty"><p><strong>No {{unit}} in this range.</strong></p></div>{{/hasData}}
{{#hasData}}
<div class="panel tablewrap"><table class="heatmap" id="heatmap"><thead><tr><th>{{by}}</th>{{#hours}}<th class="num">{{.}}</th>{{/hours}}</tr></thead><tbody>
{{#rows}}<tr><td>{{name}}</td>{{#cells}}<td class="num heat h{{level}}" data-tip="{{tip}}" data-v="{{raw}}">{{text}}</td>{{/cells}}</tr>{{/rows}}
</tbody></table>
<p class="muted">p95 latency of {{unit}} per hour of day (UTC), darker is slower; hover a cell for its count and median.</p></div>
{{/hasData}}
"""#
}
