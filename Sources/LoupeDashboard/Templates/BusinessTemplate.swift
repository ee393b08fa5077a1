enum BusinessTemplate {
    static let source = #"""
<h1>Business impact</h1>
<h2>Return on the money</h2>
{{#hasRoi}}
<section class="cards" id="roi">{{#roiCards}}<div class="card" id="card-{{id}}"><div class="label">{{label}}</div><div class="value">{{value}}</div></div>{{/roiCards}}</section>
<div class="panel tablewrap"><table class="sortable" id="roi-units"><thead><tr><th>{{roiBy}}</th><th class="num">requests</th><th class="num">success</th><th class="num">cost</th><th class="num">value</th><th class="num">net</th><th class="num">ROI</th><th class="num">cost / success</th><th class="num">hours saved</th></tr></thead><tbody>
{{#units}}<tr><td>{{unit}}</td><td class="num">{{requests}}</td><td class="num">{{success}}</td><td class="num">{{cost}}</td><td class="num">{{value}}</td><td class="num{{#negative}} worse{{/negative}}">{{net}}</td><td class="num">{{roi}}</td><td class="num">{{costPerSuccess}}</td><td class="num">{{hoursSaved}}</td></tr>{{/units}}
</tbody></table>
<p class="muted">Success means no failed span and no negative user feedback; cost is the priced cost of all the unit's requests.{{^valuesConfigured}} No value per successful request is configured: start the server with <code>--roi FILE</code> (see <code>loupe roi --help</code>) to weigh value against cost.{{/valuesConfigured}}{{#unpricedCalls}} {{.}} model calls have no price and count $0 here.{{/unpricedCalls}}</p></div>
<div class="panel">{{{roiChart}}}</div>
{{/hasRoi}}
{{^hasRoi}}<div class="empty"><p><strong>No request in this range names a {{roiBy}}.</strong></p>
<p>ROI is counted per business unit, read from the <code>{{roiBy}}</code> attribute (or the conventions' metadata) on the requests' spans sent to {{otlpEndpoint}}.</p></div>{{/hasRoi}}
<h2>Query complexity</h2>
{{#hasComplexity}}<section class="cards" id="complexity">{{#complexityCards}}<div class="card" id="card-{{id}}"><div class="label">{{label}}</div><div class="value">{{value}}</div></div>{{/complexityCards}}</section>
<div class="panel">{{{complexityChart}}}<p class="muted">The score adds a request's model calls, tool calls, retrievals and thousands of input tokens.</p></div>{{/hasComplexity}}
{{^hasComplexity}}<p class="muted">No request in this range.</p>{{/hasComplexity}}
<h2>Retrieval and content gaps</h2>
{{#hasRetrieval}}<section class="cards" id="retrieval">{{#retrievalCards}}<div class="card" id="card-{{id}}"><div class="label">{{label}}</div><div class="value">{{value}}</div></div>{{/retrievalCards}}</section>
<div class="panel tablewrap"><table class="sortable" id="gaps"><thead><tr><th>{{gapDimension}}</th><th class="num">requests</th><th class="num">gaps</th><th class="num">share</th><th class="num">found nothing</th><th class="num">low relevance</th><th class="num">disliked</th><th class="num">top score</th><th>examples</th></tr></thead><tbody>
{{#gaps}}<tr><td>{{group}}</td><td class="num">{{requests}}</td><td class="num">{{gaps}}</td><td class="num">{{share}}</td><td class="num">{{empty}}</td><td class="num">{{low}}</td><td class="num">{{disliked}}</td><td class="num">{{topScore}}</td><td>{{#examples}}<a href="{{href}}">{{label}}</a> {{/examples}}</td></tr>{{/gaps}}
</tbody></table><p class="muted">A gap is a request whose retrieval found nothing, found nothing scoring {{minScore}} or more, or whose answer a user disliked: what the knowledge base is missing.</p></div>
<div class="grid2"><div class="panel tablewrap"><table id="documents-used"><thead><tr><th>most retrieved documents</th><th class="num">retrievals</th><th class="num">mean score</th></tr></thead><tbody>
{{#mostUsed}}<tr><td><code>{{id}}</code></td><td class="num">{{retrievals}}</td><td class="num">{{score}}</td></tr>{{/mostUsed}}</tbody></table></div>
<div class="panel tablewrap"><table id="documents-unused"><thead><tr><th>retrieved before, not in this range</th><th class="num">retrievals before</th><th class="num">mean score</th></tr></thead><tbody>
{{#unused}}<tr><td><code>{{id}}</code></td><td class="num">{{retrievals}}</td><td class="num">{{score}}</td></tr>{{/unused}}</tbody></table>
{{^hasUnused}}<p class="muted">Every document retrieved in the period before was retrieved again. <code>loupe retrieval --inventory FILE</code> lists those never retrieved at all.</p>{{/hasUnused}}</div></div>
{{/hasRetrieval}}
{{^hasRetrieval}}<div class="empty"><p><strong>No retrieval in this range reports its documents.</strong></p>
<p>Loupe reads OTel GenAI <code>gen_ai.retrieval.documents</code> (id and score), OpenInference <code>retrieval.documents.N.document.id</code> and <code>.score</code> (and a reranker's <code>reranker.output_documents</code>), and OpenLLMetry <code>db.query.result</code> events.</p></div>{{/hasRetrieval}}
"""#
}
