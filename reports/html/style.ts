/** The page's whole stylesheet, inlined: the report loads nothing from anywhere. */
export const STYLE = `
:root{--ok:#1a7f37;--bad:#cf222e;--warn:#9a6700;--mute:#6e7781;--line:#d0d7de;--soft:#f6f8fa}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d232a;background:#fff}
main{max-width:1200px;margin:0 auto;padding:1.5rem 2rem 4rem}
h1{margin:.2rem 0 .5rem;font-size:1.6rem}h2{margin:2.2rem 0 .6rem;border-bottom:1px solid var(--line);padding-bottom:.3rem}
h3{margin:0 0 .4rem;font-size:1.05rem}
.badge{display:inline-block;padding:.1rem .6rem;border-radius:4px;color:#fff;font-size:.95rem;vertical-align:middle}
.conformant{background:var(--ok)}.nonconformant{background:var(--bad)}.inconclusive{background:var(--warn)}.harness-error{background:var(--mute)}.interrupted{background:var(--warn)}
.meta{color:#424a53;margin:.2rem 0}
.cards{display:flex;flex-wrap:wrap;gap:.6rem;margin:1rem 0}
.card{border:1px solid var(--line);border-radius:6px;padding:.5rem .8rem;min-width:150px}
.card b{display:block;font-size:1.25rem}.card span{color:var(--mute);font-size:.85rem}
table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:13px}
td,th{border:1px solid var(--line);padding:.2rem .45rem;text-align:left;vertical-align:top}
th{background:var(--soft)}td.n{text-align:right;font-variant-numeric:tabular-nums}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px}
pre{background:var(--soft);padding:.5rem .7rem;overflow:auto;max-height:24rem;margin:.3rem 0;white-space:pre-wrap;word-break:break-all}
#rules,#error-codes{width:100%;table-layout:fixed}#rules td,#error-codes td{overflow-wrap:anywhere}
#rules th:nth-child(1){width:17%}#rules th:nth-child(2){width:9%}#rules th:nth-child(3){width:32%}
#rules th:nth-child(4),#rules th:nth-child(5),#rules th:nth-child(6){width:6.5%}#rules th:nth-child(7){width:12.5%}#rules th:nth-child(8){width:10%}
#error-codes th:nth-child(1){width:22%}
a code{color:#0969da}
tr.violated td:first-child{border-left:4px solid var(--bad)}tr.not-exercised{color:var(--mute)}
.chip{display:inline-block;border-radius:10px;padding:0 .45rem;margin:1px;font-size:12px;border:1px solid var(--line)}
.chip.seen{background:#dafbe1;border-color:#aceebb}.chip.unseen{color:var(--mute)}.chip.undoc{background:#fff1c2;border-color:#e9c46a}
.filters{display:flex;gap:.6rem;align-items:center;margin:.4rem 0}
.filters input{padding:.3rem .5rem;min-width:22rem;border:1px solid var(--line);border-radius:4px}
.filters select{padding:.3rem;border:1px solid var(--line);border-radius:4px}
.heat td{text-align:center;min-width:3.2rem;font-variant-numeric:tabular-nums}
.heat td.miss{background:#ffebe9;color:var(--bad)}.heat td.off{background:repeating-linear-gradient(45deg,#f6f8fa,#f6f8fa 4px,#eaeef2 4px,#eaeef2 8px);color:var(--mute)}
.heat th.op{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;font-weight:500}
.failure{border:1px solid var(--bad);border-radius:6px;padding:.8rem 1rem;margin:1rem 0;background:#fffafa}
.failure .why{display:grid;grid-template-columns:6rem minmax(0,1fr);gap:.2rem .6rem;margin:.5rem 0}
.diff pre{margin:0}
.diff del{background:#ffcecb;text-decoration:none}.diff ins{background:#aceebb;text-decoration:none}
.trace tr.culprit td{background:#ffebe9}
details summary{cursor:pointer;color:#0969da}
.legend{color:var(--mute);font-size:12px}
svg text{font:11px system-ui,sans-serif;fill:#1d232a}svg .axis{stroke:#d0d7de}svg .range{stroke:#8c959f;stroke-width:2}
svg .p50{fill:#0969da}svg .p90{fill:#bf8700}svg .p99{fill:#cf222e}
svg.state-machine{display:block;margin:.3rem 0 1rem}svg.state-machine .node circle{fill:#f6f8fa;stroke:#57606a;stroke-width:1.5}
svg.state-machine .node.has-missed circle{stroke:var(--bad)}svg.state-machine text.status{font-weight:600}svg.state-machine text.missed{fill:var(--bad)}svg.state-machine text.tried{fill:var(--mute)}
svg.state-machine .edge path{fill:none}svg.state-machine .edge.held path{stroke:var(--ok)}svg.state-machine .edge.failed path{stroke:var(--bad)}
svg.state-machine .edge text{font-size:10px}svg.state-machine .edge.held polygon{fill:var(--ok)}svg.state-machine .edge.failed polygon{fill:var(--bad)}
svg.state-machine .edge.unprovoked path{stroke:#8c959f;stroke-dasharray:4 3}svg.state-machine .edge.unprovoked polygon{fill:#8c959f}
svg.state-machine .edge.undocumented path{stroke:#8250df}svg.state-machine .edge.undocumented polygon{fill:#8250df}
.op.held{fill:var(--ok);color:var(--ok)}.op.failed{fill:var(--bad);color:var(--bad)}.op.unprovoked{fill:var(--mute);color:var(--mute)}.op.undocumented{fill:#8250df;color:#8250df}
details.transitions ul{columns:3 18rem;font-size:12px;margin:.2rem 0 1rem}
.hidden{display:none}
`;
