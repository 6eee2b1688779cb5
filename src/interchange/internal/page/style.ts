/**
 * The timeline page's style sheet: one column on a phone (375 px wide and up), chart and panel
 * side by side from 960 px, system fonts only (nothing fetched), colours with enough contrast for
 * text (WCAG AA), a visible focus ring, and a print layout that drops the controls and keeps the
 * chart, the selected event and the whole table legible on paper.
 *
 * @internal
 */
export const pageStyle = `
:root{--ink:#1d2329;--muted:#4a5561;--line:#d5dbe1;--bg:#fff;--lane:#f4f6f8;--accent:#0b5cad;--focus:#c2410c;
font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--ink);background:var(--bg);line-height:1.45}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1400px;padding:0 16px 32px}
header{padding:16px 0 4px}
h1{font-size:1.55rem;margin:0 0 4px;line-height:1.2}
h2{font-size:1.15rem;margin:18px 0 8px}
h3{font-size:1rem;margin:14px 0 4px}
p{margin:4px 0}
a{color:var(--accent)}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em;background:var(--lane);padding:0 3px;border-radius:3px}
.meta,.note{color:var(--muted);font-size:.9rem}
.controls{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:flex-end;margin:12px 0;padding:10px;border:1px solid var(--line);border-radius:6px;background:#fafbfc}
.controls fieldset{border:0;margin:0;padding:0;min-width:0;display:flex;flex-wrap:wrap;gap:8px 12px;align-items:flex-end}
.controls label{display:flex;flex-direction:column;font-size:.8rem;color:var(--muted);gap:2px}
select,input[type=search],button{font:inherit;font-size:.9rem;color:var(--ink);background:#fff;border:1px solid #8a96a3;border-radius:4px;padding:4px 6px;min-height:32px}
button{cursor:pointer;background:#eef2f6}
button:hover{background:#e1e8ef}
select{max-width:16rem}
.asof{flex:1 1 320px;min-width:240px;display:flex;gap:8px;align-items:flex-end}
.asof label{flex:1}
.asof input{width:100%;min-height:32px}
.asof output{font-weight:600;color:var(--ink)}
.zoom{display:flex;gap:4px}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
#tl-status{font-size:.95rem;margin:6px 0}
.layout{display:grid;grid-template-columns:minmax(0,1fr);gap:16px}
@media (min-width:960px){.layout{grid-template-columns:minmax(0,1fr) 360px}}
.chart-wrap{position:relative;border:1px solid var(--line);border-radius:6px;background:#fff;touch-action:pan-y}
#tl-chart{display:block;width:100%;overflow:hidden;border-radius:6px;user-select:none;-webkit-user-select:none;cursor:grab}
#tl-chart.dragging{cursor:grabbing}
#tl-chart .lane-bg{fill:var(--lane)}
#tl-chart .lane-bg.odd{fill:#fff}
#tl-chart .lane-label{font-size:12px;font-weight:600;fill:#2c3440;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
#tl-chart .lane-label .parent{font-weight:400;fill:#4a5561}
#tl-chart .grid{stroke:#e3e8ed;stroke-width:1}
#tl-chart .tick{font-size:11px;fill:#3d4752}
#tl-chart .axis-bg{fill:#fff}
#tl-chart.over{cursor:pointer}
#tl-chart .marks.unc{fill:none;stroke:#1d2329;stroke-width:1.2px;stroke-dasharray:3 2}
#tl-chart .lbl{font-size:11px;fill:#1d2329;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round;pointer-events:none}
#tl-chart .lbl .cnt{font-weight:700;fill:#7a1c00}
#tl-chart .sel-box{fill:none;stroke:var(--focus);stroke-width:2.5px;pointer-events:none}
#tl-chart .focus-box{fill:none;stroke:none;pointer-events:none;outline:none}
#tl-chart .focus-box:focus{stroke:#1d2329;stroke-width:2px;stroke-dasharray:4 2}
#tl-chart .arc{fill:none;pointer-events:none;stroke-width:1.6px;stroke-opacity:.8}
#tl-chart .arc.inferred{stroke-dasharray:5 4;stroke-opacity:.6}
#tl-chart .arc.hl{stroke-width:3px;stroke-opacity:1}
#tl-chart .arc-label{font-size:10px;paint-order:stroke;stroke:#fff;stroke-width:3px}
.tip{position:absolute;z-index:5;max-width:min(360px,90%);background:#1d2329;color:#fff;padding:8px 10px;border-radius:6px;font-size:.85rem;pointer-events:none;box-shadow:0 2px 10px rgba(0,0,0,.25)}
.tip strong{display:block}
.tip ul{margin:4px 0 0;padding-left:16px}
.help{font-size:.8rem;color:var(--muted);margin:4px 0}
.legend{display:flex;flex-wrap:wrap;gap:4px 14px;font-size:.8rem;color:var(--muted);margin:6px 0;padding:0;list-style:none}
.legend li{display:flex;align-items:center;gap:5px}
.legend svg{flex:none}
#tl-panel{border:1px solid var(--line);border-radius:6px;padding:10px 14px;background:#fcfcfd;align-self:start;overflow-wrap:anywhere}
@media (min-width:960px){#tl-panel{position:sticky;top:8px;max-height:calc(100vh - 16px);overflow:auto}}
#tl-panel h2{margin-top:4px}
#tl-panel ul,#tl-panel ol{padding-left:20px;margin:4px 0}
#tl-panel li{margin:3px 0}
#tl-panel blockquote{margin:4px 0 4px 8px;padding-left:8px;border-left:3px solid var(--line);color:#333}
.badge{display:inline-block;font-size:.72rem;font-weight:600;padding:0 5px;border-radius:8px;background:#e6edf5;color:#1d3b5c;margin-left:4px}
.badge.kept{background:#fde8dc;color:#7a1c00}
.later{color:#6b7580}
.linklike{background:none;border:0;padding:0;min-height:0;color:var(--accent);text-decoration:underline;cursor:pointer;font:inherit;text-align:left}
.table-wrap{overflow-x:auto}
#tl-table-section{content-visibility:auto;contain-intrinsic-size:auto 1200px}
table{border-collapse:collapse;width:100%;font-size:.9rem}
caption{text-align:left;font-size:.9rem;color:var(--muted);padding:4px 0}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
thead th{background:#eef2f6;position:sticky;top:0}
td.when{white-space:nowrap}
td ul{margin:0;padding-left:16px}
footer{margin-top:24px;border-top:1px solid var(--line);padding-top:8px}
.visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:600px){body{padding:0 8px 24px}h1{font-size:1.25rem}.controls{padding:8px;gap:8px}.controls fieldset{display:grid;grid-template-columns:1fr 1fr;width:100%}.controls label{min-width:0}select,input[type=search]{width:100%;max-width:100%}.asof{min-width:0;flex-basis:100%}td,th{padding:4px}}
@media print{
body{max-width:none;padding:0;font-size:10pt}
.controls,.zoom,.help,#tl-table-more,.tip,.panel-close{display:none!important}
.layout{display:block}
.chart-wrap{border:0;overflow:visible;break-inside:avoid}
#tl-panel{position:static;max-height:none;border:0;padding:0}
#tl-panel.empty{display:none}
a{color:inherit}
a[href]::after{content:" <" attr(href) ">";font-size:8pt;color:#444;overflow-wrap:anywhere}
thead th{position:static}
tr{break-inside:avoid}
}
`
