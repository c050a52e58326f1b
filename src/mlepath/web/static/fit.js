// My fit: the plan is computed after the page shows (it can take a while over many postings):
// the profile read from the résumé goes back to /api/plan as a profile YAML file.
"use strict";
(function () {
  const {el, getJSON} = window.mlepath;
  const form = document.getElementById("plan-form");
  if (!form) return;
  const status = document.getElementById("plan-status");

  async function loadPlan() {
    const data = new FormData();
    for (const name of ["weeks", "hours_per_week", "role", "focus", "location"]) {
      const value = form.elements[name].value;
      if (value) data.append(name, value);
    }
    const yaml = document.getElementById("plan-profile").value;
    data.append("file", new Blob([yaml], {type: "application/x-yaml"}), "profile.yaml");
    try {
      const plan = await getJSON("/api/plan", {method: "POST", body: data});
      const list = document.getElementById("plan-projects");
      list.replaceChildren();
      for (const p of plan.projects) {
        const when = p.scheduled ? "weeks " + p.start_week + "–" + p.end_week : "does not fit in these weeks";
        list.append(el("li", {}, [el("strong", {text: p.title}), " · " + when + " · " + p.hours + " h",
          el("br"), el("span", {class: "hint", text: "covers " + p.covers.join(", ")})]));
      }
      status.textContent = plan.projects.length ? "" : "No project needed: no demanded skill is missing.";
      const titles = document.getElementById("plan-titles");
      titles.replaceChildren();
      if (plan.titles.length) {
        titles.append("Titles to search for: ");
        for (const t of plan.titles.slice(0, 5)) {
          titles.append(el("span", {class: "chip", title: t.postings + " postings", text: t.title}), " ");
        }
      }
      const habits = document.getElementById("plan-habits");
      habits.replaceChildren(...plan.habits.map((h) => el("li", {text: h})));
    } catch (err) {
      status.textContent = err.message;
      status.classList.add("error");
    }
  }
  loadPlan();
})();
