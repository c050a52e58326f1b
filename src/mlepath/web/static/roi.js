// ROI calculator: every input change calls /api/roi and redraws NPV, break-even and the tornado.
"use strict";
(function () {
  const {el, money, getJSON, formParams, debounce, plotConfig} = window.mlepath;
  const form = document.getElementById("roi-form");
  const pLand = document.getElementById("roi-p-land");
  let seq = 0;

  function showOutputs() {
    document.getElementById("roi-p-land-out").textContent =
      pLand.dataset.default === "1" ? "path default" : Math.round(pLand.value * 100) + "%";
    document.getElementById("roi-discount-out").textContent =
      (document.getElementById("roi-discount").value * 100).toFixed(1) + "%";
    document.getElementById("roi-horizon-out").textContent = document.getElementById("roi-horizon").value;
  }

  function drawTornado(result) {
    if (!window.Plotly) return;
    const rows = result.sensitivity.slice(0, 8).reverse();
    const base = result.npv;
    const names = rows.map((r) => r.input.replace(/_/g, " "));
    const trace = (key, name, color) => ({
      type: "bar", orientation: "h", name, y: names, base: rows.map(() => base),
      x: rows.map((r) => r[key] - base), marker: {color},
      hovertemplate: "%{y}: NPV %{customdata}<extra>" + name + "</extra>",
      customdata: rows.map((r) => money(r[key])),
    });
    window.Plotly.react("roi-tornado", [
      trace("npv_low", "input at its low value", "#b42318"),
      trace("npv_high", "input at its high value", "#1f7a3a"),
    ], {
      title: {text: "What swings the NPV (tornado)", font: {size: 15}}, barmode: "overlay",
      height: 340, margin: {l: 130, r: 20, t: 45, b: 40}, xaxis: {tickformat: "$,.0f"},
      legend: {orientation: "h", y: -0.15}, font: {family: "system-ui, sans-serif"},
      shapes: [{type: "line", x0: base, x1: base, yref: "paper", y0: 0, y1: 1,
                line: {color: "#1d2433", width: 1}}],
    }, plotConfig);
  }

  async function recompute() {
    showOutputs();
    const params = formParams(form);
    if (pLand.dataset.default === "1") params.delete("p_land");
    const mine = ++seq;
    const errorBox = document.getElementById("roi-error");
    try {
      const result = await getJSON("/api/roi?" + params.toString());
      if (mine !== seq) return;
      errorBox.hidden = true;
      document.getElementById("roi-npv").textContent = money(result.npv);
      const be = result.break_even_month;
      document.getElementById("roi-break-even").textContent = be === null
        ? "not within " + result.inputs.horizon_years + " years"
        : "month " + be + " (" + (be / 12).toFixed(1) + " years)";
      const i = result.inputs;
      document.getElementById("roi-assumptions").textContent =
        "Assumes " + money(i.tuition) + " direct cost, " + i.study_months + " months of study, " +
        i.search_months + " months of search, " + Math.round(i.p_land * 100) + "% chance of landing the role, " +
        (i.discount_rate * 100).toFixed(1) + "% discount rate, " + (i.pay_growth * 100).toFixed(1) + "% pay growth.";
      drawTornado(result);
    } catch (err) {
      if (mine !== seq) return;
      errorBox.textContent = err.message;
      errorBox.hidden = false;
    }
  }

  pLand.addEventListener("input", () => { pLand.dataset.default = "0"; });
  document.getElementById("roi-path").addEventListener("change", () => {
    pLand.dataset.default = "1";  // each path has its own landing probability
  });
  const debounced = debounce(recompute, 150);
  form.addEventListener("input", debounced);
  form.addEventListener("change", debounced);
  form.addEventListener("submit", (event) => { event.preventDefault(); recompute(); });
  recompute();
})();
