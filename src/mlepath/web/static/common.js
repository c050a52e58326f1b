// Small helpers shared by the pages. No framework; every value is inserted as text.
"use strict";
window.mlepath = (function () {
  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined) continue;
      if (k === "text") node.textContent = v;
      else if (k === "class") node.className = v;
      else node.setAttribute(k, v);
    }
    for (const child of children || []) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }
  function pct(x, digits) {
    if (x === null || x === undefined) return "–";
    return (x * 100).toFixed(digits === undefined ? 0 : digits) + "%";
  }
  function money(x) {
    if (x === null || x === undefined) return "–";
    const sign = x < 0 ? "−" : "";
    return sign + "$" + Math.round(Math.abs(x)).toLocaleString("en-US");
  }
  async function getJSON(url, options) {
    const response = await fetch(url, Object.assign({headers: {"Accept": "application/json"}}, options || {}));
    const body = await response.json();
    if (!response.ok) throw new Error(body && body.error ? body.error : "request failed (" + response.status + ")");
    return body;
  }
  function formParams(form) {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form).entries()) {
      if (typeof v === "string" && v.trim() !== "") params.set(k, v.trim());
    }
    return params;
  }
  function debounce(fn, ms) {
    let timer = null;
    return function (...args) {
      clearTimeout(timer);
      timer = setTimeout(() => fn.apply(this, args), ms);
    };
  }
  const plotConfig = {displaylogo: false, responsive: true, modeBarButtonsToRemove: ["lasso2d", "select2d"]};
  return {el, pct, money, getJSON, formParams, debounce, plotConfig};
})();
