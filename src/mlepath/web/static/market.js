// Market page: render the report JSON as cards, charts and a table; filters refetch
// /api/report and update the page in place; every figure links to the postings behind it.
"use strict";
(function () {
  const {el, pct, getJSON, formParams, debounce, plotConfig} = window.mlepath;
  const form = document.getElementById("market-filters");
  const LEVELS = ["none", "unspecified", "high_school", "associate", "bachelor", "master", "phd"];
  const BY_PARAM = {ml_focus: "focus", seniority: "seniority", role_family: "role"};
  const KPIS = [
    ["min_required>=bachelor", "require at least a bachelor's"],
    ["min_required>=master", "require a master's or PhD"],
    ["preferred=master", "list a master's as preferred"],
    ["min_required=phd", "require a PhD"],
    ["phd_required_or_preferred", "require or prefer a PhD"],
    ["equivalent_experience_ok", "accept experience instead"],
  ];
  const BREAKDOWN_METRICS = [
    ["min_required>=master", "master's or PhD required"],
    ["min_required=phd", "PhD required"],
    ["phd_required_or_preferred", "PhD required or preferred"],
    ["preferred=master", "master's preferred"],
  ];
  const EXPERIENCE = ["experience=unstated", "experience=0", "experience=1-2", "experience=3-4",
                      "experience=5-7", "experience=8+"];
  let report = JSON.parse(document.getElementById("report-data").textContent);
  let requestSeq = 0;

  function figuresBy(dim) {
    return report.figures.filter((f) => {
      const keys = Object.keys(f.by || {});
      return dim === null ? keys.length === 0 : keys.length === 1 && keys[0] === dim;
    });
  }
  function overall(metric) {
    return figuresBy(null).find((f) => f.metric === metric);
  }
  function postingsUrl(figure) {
    const params = formParams(form);
    for (const [dim, value] of Object.entries(figure.by || {})) {
      params.set(BY_PARAM[dim] || dim, value);
    }
    params.set("metric", figure.metric);
    return "/postings?" + params.toString();
  }
  function errorBars(figs) {
    return {type: "data", symmetric: false, color: "#7f8aa3", thickness: 1,
            array: figs.map((f) => (f ? f.ci95[1] - f.share : 0)),
            arrayminus: figs.map((f) => (f ? f.share - f.ci95[0] : 0))};
  }
  function layout(title, extra) {
    return Object.assign({
      title: {text: title, font: {size: 15}}, margin: {l: 60, r: 20, t: 45, b: 60},
      yaxis: {tickformat: ".0%", rangemode: "tozero"}, paper_bgcolor: "#fff", plot_bgcolor: "#fff",
      height: 330, legend: {orientation: "h", y: -0.25}, font: {family: "system-ui, sans-serif"},
    }, extra || {});
  }
  function bindClicks(div) {
    div.removeAllListeners && div.removeAllListeners("plotly_click");
    div.on("plotly_click", (event) => {
      const point = event.points && event.points[0];
      if (point && point.customdata) window.location.href = point.customdata;
    });
  }
  function draw(id, traces, lay) {
    const div = document.getElementById(id);
    window.Plotly.react(div, traces, lay, plotConfig).then(() => bindClicks(div));
  }

  function renderCards() {
    const box = document.getElementById("kpis");
    box.replaceChildren();
    for (const [metric, label] of KPIS) {
      const f = overall(metric);
      if (!f) continue;
      const card = el("a", {class: "card", href: postingsUrl(f), "data-metric": metric}, [
        el("div", {class: "big", text: pct(f.share)}),
        el("div", {class: "label", text: label}),
        el("div", {class: "hint", text: "[" + pct(f.ci95[0]) + "–" + pct(f.ci95[1]) + "] · " +
                   f.count.toLocaleString() + " of " + f.n.toLocaleString()}),
      ]);
      if (f.thin) card.append(el("span", {class: "chip thin", text: "thin"}));
      box.append(card);
    }
  }

  function renderCharts() {
    const degree = LEVELS.map((lvl) => overall("min_required=" + lvl));
    draw("chart-degree", [{
      type: "bar", x: LEVELS, y: degree.map((f) => (f ? f.share : 0)), error_y: errorBars(degree),
      customdata: degree.map((f) => (f ? postingsUrl(f) : null)), marker: {color: "#2f5fd0"},
      hovertemplate: "%{x}: %{y:.1%}<extra></extra>",
    }], layout("Minimum degree required"));
    for (const [dim, id, title] of [["ml_focus", "chart-focus", "Degrees by ML focus"],
                                    ["seniority", "chart-seniority", "Degrees by seniority"]]) {
      const figs = figuresBy(dim);
      const groups = [...new Set(figs.map((f) => f.by[dim]))];
      const traces = BREAKDOWN_METRICS.map(([metric, name]) => {
        const row = groups.map((g) => figs.find((f) => f.by[dim] === g && f.metric === metric));
        return {type: "bar", name, x: groups, y: row.map((f) => (f ? f.share : 0)),
                error_y: errorBars(row), customdata: row.map((f) => (f ? postingsUrl(f) : null)),
                text: row.map((f) => (f ? "n=" + f.n + (f.thin ? " (thin)" : "") : "")),
                textposition: "none", hovertemplate: name + " · %{x}: %{y:.1%} %{text}<extra></extra>"};
      });
      draw(id, traces, layout(title, {barmode: "group"}));
    }
    const exp = EXPERIENCE.map((m) => overall(m));
    draw("chart-experience", [{
      type: "bar", x: EXPERIENCE.map((m) => m.split("=")[1]), y: exp.map((f) => (f ? f.share : 0)),
      error_y: errorBars(exp), customdata: exp.map((f) => (f ? postingsUrl(f) : null)),
      marker: {color: "#6a7fb8"}, hovertemplate: "%{x} years: %{y:.1%}<extra></extra>",
    }], layout("Years of experience required", {xaxis: {title: {text: "years"}}}));
    const skills = figuresBy(null).filter((f) => f.metric.startsWith("skill="))
      .sort((a, b) => b.share - a.share).slice(0, 20).reverse();
    const names = skills.map((f) => {
      const id = f.metric.slice(6);
      return (report.skills && report.skills[id] && report.skills[id].name) || id;
    });
    draw("chart-skills", [{
      type: "bar", orientation: "h", y: names, x: skills.map((f) => f.share),
      customdata: skills.map((f) => postingsUrl(f)), marker: {color: "#1f7a3a"},
      hovertemplate: "%{y}: %{x:.1%}<extra></extra>",
    }], layout("Top skills asked for", {height: 520, margin: {l: 170, r: 20, t: 45, b: 40},
                                          xaxis: {tickformat: ".0%"}, yaxis: {automargin: true}}));
  }

  function renderTable() {
    const body = document.querySelector("#figures-table tbody");
    body.replaceChildren();
    for (const f of report.figures) {
      const by = Object.entries(f.by || {}).map(([k, v]) => k + "=" + v).join(", ") || "all";
      const row = el("tr", {}, [
        el("td", {}, [el("a", {href: postingsUrl(f), text: f.metric})]),
        el("td", {text: by}),
        el("td", {class: "num", text: pct(f.share, 1)}),
        el("td", {class: "num", text: pct(f.ci95[0], 1) + "–" + pct(f.ci95[1], 1)}),
        el("td", {class: "num", text: f.count + " / " + f.n}),
      ]);
      if (f.thin) row.children[1].append(" ", el("span", {class: "chip thin", text: "thin"}));
      body.append(row);
    }
  }

  function render() {
    document.getElementById("market-n").textContent = report.n.toLocaleString();
    renderCards();
    renderTable();
    if (window.Plotly) renderCharts();
  }

  async function refresh() {
    const params = formParams(form);
    const seq = ++requestSeq;
    const errorBox = document.getElementById("market-error");
    document.body.classList.add("loading");
    try {
      const next = await getJSON("/api/report?" + params.toString());
      if (seq !== requestSeq) return;  // a newer filter change is already on its way
      report = next;
      errorBox.hidden = true;
      history.replaceState(null, "", "/market" + (params.toString() ? "?" + params : ""));
      render();
    } catch (err) {
      errorBox.textContent = err.message;
      errorBox.hidden = false;
    } finally {
      if (seq === requestSeq) document.body.classList.remove("loading");
    }
  }

  async function loadClaims() {
    const body = document.querySelector("#claims-table tbody");
    try {
      const data = await getJSON("/api/claims");
      body.replaceChildren();
      for (const c of data.claims) {
        const claimed = c.claimed ? (c.claimed[0] === c.claimed[1] ? pct(c.claimed[0])
          : pct(c.claimed[0]) + "–" + pct(c.claimed[1])) : "–";
        const measured = c.measured === null || c.measured === undefined ? "–"
          : pct(c.measured) + " [" + pct(c.ci95[0]) + "–" + pct(c.ci95[1]) + "]";
        body.append(el("tr", {}, [
          el("td", {text: c.text + (c.reading ? " (" + c.reading + ")" : "")}),
          el("td", {}, [el("code", {text: c.metric})]),
          el("td", {class: "num", text: claimed}),
          el("td", {class: "num", text: measured}),
          el("td", {class: "num", text: String(c.n)}),
          el("td", {class: "verdict-" + c.verdict, text: c.verdict.replace("_", " ")}),
        ]));
      }
    } catch (err) {
      body.replaceChildren(el("tr", {}, [el("td", {colspan: "6", class: "error", text: err.message})]));
    }
  }

  form.addEventListener("submit", (event) => { event.preventDefault(); refresh(); });
  form.addEventListener("change", () => refresh());
  form.addEventListener("input", debounce((event) => {
    if (event.target.type === "text") refresh();
  }, 350));
  render();
  loadClaims();
})();
