/** The console's one style sheet, served from the binary at /console/console.css. */
export const CONSOLE_CSS = `
body { font-family: system-ui, sans-serif; margin: 0; color: #1d2430; background: #f6f7f9; }
header { display: flex; gap: 1.5rem; align-items: center; padding: .6rem 1.2rem; background: #1d3b5a; color: #fff; flex-wrap: wrap; }
header a { color: #fff; text-decoration: none; }
header nav { display: flex; gap: 1rem; flex-wrap: wrap; }
header nav a.current { text-decoration: underline; }
header .brand { font-weight: 600; }
header .langs { margin-left: auto; display: flex; gap: .5rem; }
header form { margin: 0; }
main { padding: 1rem 1.2rem; max-width: 1100px; }
h1 { font-size: 1.5rem; margin: .2rem 0 1rem; }
h2 { font-size: 1.1rem; margin: 1.4rem 0 .5rem; }
table { border-collapse: collapse; background: #fff; margin-bottom: 1rem; }
th, td { text-align: left; padding: .3rem .7rem; border-bottom: 1px solid #dde1e6; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.cards { display: flex; gap: 1rem; flex-wrap: wrap; }
.card { background: #fff; padding: .8rem 1rem; border: 1px solid #dde1e6; min-width: 14rem; }
.card .big { font-size: 1.6rem; font-weight: 600; }
.error { background: #fde8e8; border: 1px solid #c53030; padding: .6rem .8rem; margin-bottom: 1rem; }
.notice { background: #e6f4ea; border: 1px solid #2f855a; padding: .6rem .8rem; margin-bottom: 1rem; }
.chart { background: #fff; border: 1px solid #dde1e6; max-width: 100%; height: auto; }
.chart .bar { fill: #2b6cb0; }
.chart .axis { font-size: 11px; fill: #4a5568; }
form.inline { display: inline-flex; gap: .4rem; align-items: center; margin: 0; }
form.stack { display: grid; gap: .5rem; max-width: 28rem; background: #fff; padding: 1rem; border: 1px solid #dde1e6; }
label { display: grid; gap: .2rem; font-size: .9rem; }
label.choice { display: flex; gap: .4rem; align-items: center; }
fieldset { display: grid; gap: .4rem; border: 1px solid #dde1e6; }
textarea { font: inherit; }
input, select, button { font: inherit; padding: .25rem .4rem; }
.muted { color: #5a6577; font-size: .9rem; }
`;
