enum AnomaliesTemplate {
    static let source = #"""
<h1>Anomalies</h1>
<p class="muted" id="baseline">{{baseline}}</p>
<p id="groupings">Series: {{#groupings}}<a class="chip{{#active}} active{{/active}}" href="{{href}}">{{label}}</a> {{/groupings}}</p>
<section class="cards"><div class="card" id="card-ongoing"><div class="label">going on now</div><div class="value" data-value="{{ongoing}}">{{ongoing}}</div></div>
<div class="card" id="card-anomalies"><div class="label">anomalies in this range</div><div class="value" data-value="{{total}}">{{total}}</div></div></section>
{{#hasAnomalies}}<section class="panel"><h2>What changed</h2><ol class="anomalies">
{{#items}}<li class="anomaly{{#ongoing}} ongoing{{/ongoing}}"><div>{{#ongoing}}<span class="badge error">ongoing</span> {{/ongoing}}<span class="badge {{severityClass}}">severity {{severity}}</span> <strong class="summary">{{summary}}</strong></div>
<div class="muted">{{when}} · baseline confidence {{confidence}}{{#tracesHref}} · <a href="{{.}}">the traces</a>{{/tracesHref}} · <a href="#{{chartId}}">on the chart</a></div>
{{#hasDrivers}}<ul class="drivers">{{#drivers}}<li>{{.}}</li>{{/drivers}}</ul>{{/hasDrivers}}</li>
{{/items}}</ol></section>{{/hasAnomalies}}
{{^hasAnomalies}}<div class="empty">{{#judged}}<p><strong>Nothing unusual in this range.</strong></p><p>Every series stayed inside the band its history predicts.</p>{{/judged}}
{{^judged}}<p><strong>Nothing to judge yet.</strong></p><p>Anomalies are found once ten steps of traffic are stored; widen the range, or send traces.</p>{{/judged}}</div>{{/hasAnomalies}}
{{#hasCharts}}<section class="grid2">{{#charts}}<div class="panel">{{{.}}}</div>{{/charts}}</section>{{/hasCharts}}
{{#grouped}}{{^hasCharts}}<p class="muted">Charts are drawn for the series with an anomaly.</p>{{/hasCharts}}{{/grouped}}
"""#
}
