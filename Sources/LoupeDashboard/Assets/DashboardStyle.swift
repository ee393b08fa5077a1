/// The dashboard's one stylesheet: dense, readable, light and dark following the system.
enum DashboardStyle {
    static let css = base + (0...DashboardStyle.maxIndent).map { ".waterfall td.d\($0){padding-left:\(6 + $0 * 14)px}" }.joined()

    /// Deeper spans in the waterfall are indented as far as this.
    static let maxIndent = 16

    private static let base = #"""
:root{--bg:#f6f7f9;--panel:#fff;--text:#1d2330;--muted:#5d6678;--line:#e2e5eb;--accent:#3b5bdb;--bad:#c92a2a;--good:#2b8a3e;--warn:#e67700;
--s0:#3b5bdb;--s1:#e8590c;--s2:#2b8a3e;--s3:#ae3ec9;--s4:#1098ad;--s5:#868e96;--op-llm:#3b5bdb;--op-embedding:#1098ad;--op-retrieval:#2b8a3e;
--op-rerank:#66a80f;--op-tool:#e8590c;--op-agent:#ae3ec9;--op-chain:#868e96;--op-stage:#adb5bd;--op-guardrail:#f08c00;--op-evaluator:#d6336c;--op-unaccounted:#dee2e6}
@media (prefers-color-scheme:dark){:root{--bg:#111418;--panel:#1a1e24;--text:#e3e6ea;--muted:#97a0ae;--line:#2c323b;--accent:#7b93ff;--bad:#ff6b6b;--good:#51cf66;
--s0:#7b93ff;--s1:#ff922b;--s2:#51cf66;--s3:#da77f2;--s4:#3bc9db;--s5:#adb5bd;--op-llm:#7b93ff;--op-embedding:#3bc9db;--op-retrieval:#51cf66;--op-unaccounted:#3a4049}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--text);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
header.top{display:flex;flex-wrap:wrap;align-items:center;gap:8px 18px;padding:8px 20px;background:var(--panel);border-bottom:1px solid var(--line);position:sticky;top:0;z-index:5}
.brand{font-weight:700;font-size:16px;color:var(--text);letter-spacing:.02em}
nav.pages a{padding:6px 10px;border-radius:6px;color:var(--muted)}nav.pages a.active{background:var(--bg);color:var(--text);font-weight:600}
.ranges{margin-left:auto;display:flex;gap:2px}.ranges a{padding:4px 8px;border:1px solid var(--line);color:var(--muted);font-size:12px}
.ranges a:first-child{border-radius:6px 0 0 6px}.ranges a:last-child{border-radius:0 6px 6px 0}.ranges a.active{background:var(--accent);border-color:var(--accent);color:#fff}
.bar{display:flex;flex-wrap:wrap;align-items:center;gap:8px;padding:8px 20px;border-bottom:1px solid var(--line);font-size:13px;color:var(--muted)}
.bar form{display:flex;flex-wrap:wrap;gap:6px;align-items:center}
form.minimums label{margin-left:8px;font-size:13px;color:var(--muted)}form.minimums input{font:inherit;padding:2px 5px;border:1px solid var(--line);border-radius:5px;background:var(--panel);color:var(--text)}
form.minimums button{font:inherit;padding:2px 10px;margin-left:6px;border-radius:5px;border:1px solid var(--accent);background:var(--panel);color:var(--accent);cursor:pointer}
.bar input{font:inherit;padding:3px 6px;border:1px solid var(--line);border-radius:5px;background:var(--panel);color:var(--text);width:9em}
.bar button{font:inherit;padding:3px 10px;border-radius:5px;border:1px solid var(--accent);background:var(--accent);color:#fff;cursor:pointer}
.chip{background:var(--panel);border:1px solid var(--line);border-radius:12px;padding:1px 8px}.chip a{margin-left:4px;color:var(--muted)}
main{padding:16px 20px;max-width:1500px;margin:0 auto}
h1{font-size:18px;margin:0 0 12px}h2{font-size:14px;margin:0 0 8px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:10px;margin-bottom:14px}
.card{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:10px 12px}
.card .label{color:var(--muted);font-size:12px}.card .value{font-size:22px;font-weight:650;font-variant-numeric:tabular-nums}
.card .delta{font-size:12px;color:var(--muted)}.delta.worse{color:var(--bad)}.delta.better{color:var(--good)}.card .note{font-size:11px;color:var(--muted)}
.grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:12px;margin-bottom:14px}
.panel{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:12px;min-width:0}
figure.chart{margin:0}figure.chart figcaption{font-weight:600;margin-bottom:4px}
svg{display:block;width:100%;height:auto}svg text{font-size:11px;fill:var(--muted)}
.timechart .grid{stroke:var(--line);stroke-width:1}.timechart .ytick{text-anchor:end}.timechart .xtick{text-anchor:middle}
.timechart .line{fill:none;stroke-width:1.8}.timechart .col{fill:transparent}.timechart .col:hover{fill:var(--text);fill-opacity:.06}
.timechart .zoom{fill:var(--accent);fill-opacity:.15}
.s0{stroke:var(--s0);background:var(--s0);fill:var(--s0)}.s1{stroke:var(--s1);background:var(--s1);fill:var(--s1)}.s2{stroke:var(--s2);background:var(--s2);fill:var(--s2)}
.s3{stroke:var(--s3);background:var(--s3);fill:var(--s3)}.s4{stroke:var(--s4);background:var(--s4);fill:var(--s4)}.s5{stroke:var(--s5);background:var(--s5);fill:var(--s5)}
.timechart path.band{fill:var(--s0);fill-opacity:.13;stroke:none}.swatch.band{background:var(--s0);opacity:.25}
.timechart rect.mark{fill:var(--bad);fill-opacity:.14}.swatch.mark{background:var(--bad);opacity:.35}
.timechart path.line{fill:none}.timechart path.line.partial{stroke-dasharray:3 3;opacity:.7}.timechart rect.partial{fill:var(--text);fill-opacity:.05}
ul.legend{list-style:none;margin:4px 0 0;padding:0;display:flex;flex-wrap:wrap;gap:4px 14px;font-size:12px;color:var(--muted)}
.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:5px;vertical-align:-1px}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
th,td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--line);white-space:nowrap}
th{font-size:12px;color:var(--muted);font-weight:600}td.num,th.num{text-align:right}
table.sortable th{cursor:pointer}table.sortable th[aria-sort]::after{content:" ▾"}table.sortable th[aria-sort=ascending]::after{content:" ▴"}
td.wrap{white-space:normal;word-break:break-word}.err{color:var(--bad)}.ok{color:var(--good)}.muted{color:var(--muted)}
.tablewrap{overflow-x:auto}
.empty{padding:28px;text-align:center;color:var(--muted);background:var(--panel);border:1px dashed var(--line);border-radius:8px}
.empty code{background:var(--bg);padding:2px 6px;border-radius:4px}
.badge{display:inline-block;padding:0 6px;border-radius:9px;font-size:11px;border:1px solid var(--line);color:var(--muted)}
.badge.error{border-color:var(--bad);color:var(--bad)}
.op{display:inline-block;width:8px;height:8px;border-radius:50%;margin-right:6px}
.op-llm{fill:var(--op-llm);background:var(--op-llm)}.op-embedding{fill:var(--op-embedding);background:var(--op-embedding)}
.op-retrieval{fill:var(--op-retrieval);background:var(--op-retrieval)}.op-rerank{fill:var(--op-rerank);background:var(--op-rerank)}
.op-tool{fill:var(--op-tool);background:var(--op-tool)}.op-agent{fill:var(--op-agent);background:var(--op-agent)}
.op-chain{fill:var(--op-chain);background:var(--op-chain)}.op-stage{fill:var(--op-stage);background:var(--op-stage)}
.op-guardrail{fill:var(--op-guardrail);background:var(--op-guardrail)}.op-evaluator{fill:var(--op-evaluator);background:var(--op-evaluator)}
.op-unaccounted{fill:var(--op-unaccounted);background:var(--op-unaccounted)}
.stagebar rect{stroke:var(--panel);stroke-width:1}
.trace{display:grid;grid-template-columns:minmax(0,1fr) 380px;gap:12px;align-items:start}
.grid3{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:12px;margin-bottom:14px}
.chip.active{background:var(--accent);border-color:var(--accent);color:#fff}
td.wrap{min-width:260px}.grid3 td.wrap{min-width:0;white-space:normal}
@media (max-width:1000px){.trace{grid-template-columns:1fr}.grid2{grid-template-columns:1fr}}
.waterfall{width:100%;font-size:12px;table-layout:fixed}.waterfall td{padding:2px 6px;overflow:hidden;text-overflow:ellipsis}
.waterfall th:nth-child(1){width:36%}.waterfall th:nth-child(2){width:17%}.waterfall th:nth-child(3){width:9%}.waterfall th:nth-child(4){width:8%}.waterfall th:nth-child(5){width:9%}
.trace>*{min-width:0}aside h2{overflow-wrap:anywhere}.waterfall tr.sel{background:var(--bg)}

.waterfall svg.span{width:100%;height:12px}.waterfall svg.span rect{rx:2}
.waterfall tr.failed .name a{color:var(--bad)}
dl.attrs{display:grid;grid-template-columns:max-content 1fr;gap:2px 10px;font-size:12px;margin:0}
dl.attrs dt{color:var(--muted)}dl.attrs dd{margin:0;word-break:break-word}
pre.content{white-space:pre-wrap;word-break:break-word;background:var(--bg);padding:8px;border-radius:6px;font-size:12px;max-height:260px;overflow:auto}
.tip{position:fixed;pointer-events:none;background:var(--text);color:var(--bg);font-size:12px;padding:6px 8px;border-radius:6px;white-space:pre;z-index:20;max-width:360px}
.pager{margin-top:8px;display:flex;gap:12px;font-size:13px}
table.heatmap td.heat{font-size:11px;text-align:center;padding:4px 2px;border:1px solid var(--panel)}
.h0{background:transparent}.h1{background:#e7f5ff}.h2{background:#a5d8ff}.h3{background:#74c0fc}.h4{background:#f59f00;color:#fff}.h5{background:#e8590c;color:#fff}.h6{background:#c92a2a;color:#fff}
@media (prefers-color-scheme:dark){.h1{background:#1c2b3a}.h2{background:#1f4a6e}.h3{background:#1971c2}}
td.best{font-weight:650;color:var(--good)}
svg.spark{display:block;fill:var(--bad)}
td.actions form{display:inline}td.actions button{font:inherit;font-size:12px;padding:2px 8px;margin:1px;border-radius:5px;border:1px solid var(--line);background:var(--panel);color:var(--text);cursor:pointer}
.badge.critical{border-color:var(--bad);color:var(--bad)}.badge.warning{border-color:var(--warn);color:var(--warn)}tr.alert-resolved{opacity:.65}
footer{padding:16px 20px;color:var(--muted);font-size:12px;text-align:center}
form.logout{display:inline}form.logout button{font:inherit;padding:0;border:0;background:none;color:var(--accent);cursor:pointer}
main.login{max-width:380px;margin:12vh auto;padding:28px;background:var(--panel);border:1px solid var(--line);border-radius:10px}
main.login h1{margin:0 0 18px;font-size:22px}main.login label{display:block;font-weight:600;margin-bottom:6px}
main.login input[type=password]{box-sizing:border-box;width:100%;font:inherit;padding:8px 10px;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--text)}
main.login button{margin-top:12px;font:inherit;padding:6px 18px;border-radius:6px;border:1px solid var(--accent);background:var(--accent);color:#fff;cursor:pointer}
main.login p{font-size:13px}main.login code{background:var(--bg);padding:1px 5px;border-radius:4px}
.live{font-size:12px;color:var(--muted)}.notice{font-size:12px;color:var(--warn)}
ol.anomalies{margin:0;padding-left:22px}ol.anomalies>li{padding:8px 0;border-bottom:1px solid var(--line)}ol.anomalies>li:last-child{border-bottom:none}
ol.anomalies .summary{font-weight:600}ul.drivers{margin:4px 0 0;padding-left:18px;font-size:13px}
ol.recommendations{margin:0;padding-left:22px}ol.recommendations>li{padding:10px 0;border-bottom:1px solid var(--line)}ol.recommendations>li:last-child{border-bottom:none}
ol.recommendations .action{font-weight:600}ol.recommendations .gain{margin:3px 0;font-size:13px}.gain .saving{color:var(--good);font-weight:600}.gain .latency{color:var(--accent);font-weight:600}
ol.recommendations .reason{margin:4px 0;font-size:13px}table.evidence{width:auto;font-size:12px;margin:2px 0}table.evidence th{text-align:left;font-weight:normal;color:var(--muted);padding:1px 12px 1px 0}table.evidence td{padding:1px 0}
.badge.confidence.high{border-color:var(--good);color:var(--good)}.badge.confidence.low{border-color:var(--warn);color:var(--warn)}
section.verdict{background:var(--panel);border:1px solid var(--line);border-left:5px solid var(--muted);border-radius:8px;padding:10px 14px;margin:0 0 14px}
section.verdict .label{color:var(--muted);font-size:12px}section.verdict .value{font-size:22px;font-weight:650}section.verdict p{margin:4px 0 0;font-size:13px}
section.verdict.ship_treatment{border-left-color:var(--good)}section.verdict.keep_control{border-left-color:var(--accent)}section.verdict.check_assignment{border-left-color:var(--bad)}section.verdict.keep_running{border-left-color:var(--warn)}
.verdict-badge.ship_treatment{border-color:var(--good);color:var(--good)}.verdict-badge.check_assignment{border-color:var(--bad);color:var(--bad)}.verdict-badge.keep_running{border-color:var(--warn);color:var(--warn)}
section.comparison{margin:18px 0}section.comparison h2 .badge{text-transform:none;letter-spacing:0;margin-left:6px}section.comparison .reason{font-size:13px;margin:4px 0 8px}
table.differences tr.better td:nth-child(4){color:var(--good);font-weight:600}table.differences tr.worse td:nth-child(4){color:var(--bad);font-weight:600}
p.warning{color:var(--bad);font-weight:600}
@media (max-width:640px){header.top{padding:8px 10px}main{padding:10px}.ranges{margin-left:0}.bar input{width:7em}}
"""#
}
