enum CostTemplate {
    static let source = #"""
<h1>Cost</h1>
{{^hasData}}<div class="empty"><p><strong>No priced calls in this range.</strong></p><p>Widen the time range, or remove a filter.</p></div>{{/hasData}}
{{#hasData}}
<section class="cards">{{#cards}}<div class="card" id="card-{{id}}"><div class="label">{{label}}</div><div class="value" data-value="{{raw}}">{{value}}</div>
{{#note}}<div class="note">{{note}}</div>{{/note}}</div>{{/cards}}</section>
<p>By {{#options}}<a class="chip{{#active}} active{{/active}}" href="{{href}}">{{label}}</a> {{/options}}</p>
<div class="panel tablewrap"><table class="sortable" id="cost"><thead><tr><th>{{by}}</th><th class="num">cost</th><th class="num">share</th>
<th class="num">per {{unit}}</th><th class="num">per 1k tokens</th><th class="num">tokens</th><th class="num">cached input</th><th class="num">unpriced calls</th></tr></thead><tbody>
{{#rows}}<tr><td><a href="{{href}}">{{name}}</a></td><td class="num" data-v="{{costRaw}}">{{cost}}</td><td class="num">{{share}}</td><td class="num">{{perUnit}}</td>
<td class="num">{{perThousandTokens}}</td><td class="num">{{tokens}}</td><td class="num">{{cachedShare}}</td><td class="num">{{unpriced}}</td></tr>{{/rows}}
</tbody></table></div>
{{/hasData}}
{{#hasBudgets}}<div class="panel tablewrap"><h2>Budgets</h2><table id="budgets"><thead><tr><th>budget</th><th>state</th><th class="num">spent</th><th class="num">share</th>
<th class="num">projected at the period's end (95%)</th><th>runs out</th><th>most spent by</th></tr></thead><tbody>
{{#budgets}}<tr><td>{{name}}<div class="muted">{{period}}, {{scope}}</div></td><td><span class="badge {{stateClass}}">{{state}}</span></td><td class="num">{{spent}}</td>
<td class="num">{{share}}</td><td class="num">{{projected}}</td><td>{{runOut}}</td><td class="wrap">{{drivers}}</td></tr>{{/budgets}}
</tbody></table></div>{{/hasBudgets}}
{{#forecast}}<div class="panel" id="forecast"><h2>Forecast{{#headline}}: {{.}}{{/headline}}</h2>{{#chart}}{{{.}}}{{/chart}}<p class="muted">{{note}}</p></div>{{/forecast}}
{{#hasUnpriced}}<div class="panel"><h2>Models without a price: their cost is unknown, not $0</h2>
<table id="unpriced"><thead><tr><th>provider</th><th>model</th><th class="num">calls</th><th class="num">tokens</th></tr></thead><tbody>
{{#unpriced}}<tr><td>{{provider}}</td><td>{{model}}</td><td class="num">{{calls}}</td><td class="num">{{tokens}}</td></tr>{{/unpriced}}
</tbody></table><p class="muted">Add them to a price catalog (<code>loupe prices</code>) and reprice.</p></div>{{/hasUnpriced}}
"""#
}
