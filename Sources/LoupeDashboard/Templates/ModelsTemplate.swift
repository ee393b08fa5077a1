enum ModelsTemplate {
    static let source = #"""
<h1>Models</h1>
{{^hasData}}<div class="empty"><p><strong>No model calls in this range.</strong></p><p>Widen the time range, or remove a filter.</p></div>{{/hasData}}
{{#hasData}}
<div class="panel tablewrap">{{#sections}}<h2>{{operation}}</h2>
<table class="sortable models" id="models-{{operation}}"><thead><tr><th>model</th>{{#columns}}<th class="num" title="{{hint}}">{{label}}</th>{{/columns}}</tr></thead><tbody>
{{#rows}}<tr><td><a href="{{href}}">{{model}}</a></td>{{#cells}}<td class="num{{#best}} best{{/best}}" data-v="{{raw}}">{{text}}{{#best}} ★{{/best}}</td>{{/cells}}</tr>{{/rows}}
</tbody></table>{{/sections}}
<p class="muted">Counted in model calls. ★ marks the best value in each column among models of the same operation. Output tokens/s is output tokens over the calls' total time; time to first token is of streamed calls only; context used compares input tokens per call with the model's context window from the price catalog.</p></div>
{{/hasData}}
{{#hasCapacity}}<div class="panel tablewrap"><h2>Capacity</h2><table id="capacity"><thead><tr><th>model</th><th class="num">limit</th><th class="num">busiest minute, last day</th>
<th class="num">expected busiest, next 7 days</th><th>first over the limit</th><th>in short</th></tr></thead><tbody>
{{#capacity}}<tr><td>{{model}}</td><td class="num">{{limit}}</td><td class="num">{{recent}}</td><td class="num">{{#expected}}<span class="badge {{stateClass}}">{{.}}</span>{{/expected}}{{^expected}}–{{/expected}}</td><td>{{firstBreach}}</td><td class="wrap">{{sentence}}</td></tr>{{/capacity}}
</tbody></table><p class="muted">The expected busiest minute is the hourly forecast of tokens or calls scaled by how much busier an hour's busiest minute ran than its average over the last day (--rate-limits).</p></div>{{/hasCapacity}}
"""#
}
