/* resdiff report: the filter bar and the two toggles. Each row lists, in data-filters, the
   filters that keep it (decided in render/html.py), so this script holds no rule of its own.
   Without the script every row shows, which is the "All" view. */
(function () {
  "use strict";
  var rows = Array.prototype.slice.call(document.querySelectorAll("article.change"));
  var status = document.getElementById("status");
  /* The interface language (issue 12): every label is a [data-i18n] element whose message the
     page carries in both languages; the switch rewrites them, nothing is fetched. */
  var messages = JSON.parse(document.getElementById("ui-messages").getAttribute("data-messages"));
  var root = document.documentElement;

  function tr(message, args) {
    var known = messages[message];
    var text = known ? known[root.getAttribute("data-ui")] || message : message;
    return text.replace(/\{(\w+)\}/g, function (whole, key) {
      return args && Object.prototype.hasOwnProperty.call(args, key) ? String(args[key]) : whole;
    });
  }

  function translate(ui) {
    root.setAttribute("data-ui", ui);
    root.setAttribute("lang", ui === "zh" ? "zh-Hans" : "en");
    document.querySelectorAll("[data-i18n]").forEach(function (node) {
      var args = node.getAttribute("data-i18n-args");
      node.textContent = tr(node.getAttribute("data-i18n"), args ? JSON.parse(args) : null);
    });
    document.querySelectorAll("[data-ui-choice]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-ui-choice") === ui));
    });
  }

  function chosen() {
    var checked = document.querySelector('input[name="filter"]:checked');
    return checked ? checked.value : "all";
  }

  function label(name) {
    var node = document.querySelector('label[for="filter-' + name + '"] .label');
    return node ? node.textContent : name;
  }

  function apply(name) {
    var shown = 0;
    rows.forEach(function (row) {
      var keep = row.getAttribute("data-filters").split(" ").indexOf(name) >= 0;
      row.hidden = !keep;
      if (keep) { shown += 1; }
    });
    document.body.setAttribute("data-filter", name);
    status.textContent = tr("Showing {shown} of {total} changes", {shown: shown, total: rows.length}) +
      (name === "all" ? "" : tr(" \u2014 filter: {label}", {label: label(name)}));
  }

  /* A link to a unit that the current filter hides shows everything again. */
  function reveal() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    if (!target) { return; }
    var row = target.closest("article.change");
    if (row && row.hidden) {
      document.getElementById("filter-all").checked = true;
      apply("all");
    }
    var details = target.closest("details");
    if (details) { details.open = true; }
    target.scrollIntoView();
  }

  function toggle(boxId, selector) {
    var box = document.getElementById(boxId);
    box.addEventListener("change", function () {
      document.querySelectorAll(selector).forEach(function (details) { details.open = box.checked; });
    });
  }

  document.querySelectorAll('input[name="filter"]').forEach(function (radio) {
    radio.addEventListener("change", function () { apply(chosen()); });
  });
  toggle("toggle-routine", "details.routine-body");
  toggle("toggle-notes", "details.notes");
  /* The other language's rows (issue 12): shown unless the reader hides them. */
  var parallel = document.getElementById("toggle-parallel");
  if (parallel) {
    parallel.addEventListener("change", function () {
      document.body.classList.toggle("hide-parallel", !parallel.checked);
    });
  }
  document.querySelectorAll("[data-ui-choice]").forEach(function (button) {
    button.addEventListener("click", function () {
      translate(button.getAttribute("data-ui-choice"));
      apply(chosen());
    });
  });
  window.addEventListener("hashchange", reveal);
  apply(chosen());
  reveal();
}());
