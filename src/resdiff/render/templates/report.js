/* resdiff report: the filter bar, the toggles, the interface language, the filter kept in the
   address, and the print view. Each row lists, in data-filters, the filters that keep it (decided
   in render/html.py), so this script holds no rule of its own. Without the script every row
   shows, which is the "All" view.

   The address (issue 14): "#filter=added" chooses a filter (a link to it can be mailed); any other
   fragment is a link to a row or a unit ("#new-OP12"), shown even when the filter hides it. A
   fragment that is not valid percent-encoding is ignored, never an error (issue 15). */
(function () {
  "use strict";
  var rows = Array.prototype.slice.call(document.querySelectorAll("article.change"));
  var status = document.getElementById("status");
  var FILTER_PREFIX = "filter=";
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

  /* The fragment, decoded; "" when there is none or it is malformed ("#%E0%A4%A"). */
  function fragment() {
    try {
      return decodeURIComponent(window.location.hash.slice(1));
    } catch (error) {
      return "";
    }
  }

  function apply(name) {
    var shown = 0;
    rows.forEach(function (row) {
      var keep = (row.getAttribute("data-filters") || "").split(" ").indexOf(name) >= 0;
      row.hidden = !keep;
      if (keep) { shown += 1; }
    });
    document.body.setAttribute("data-filter", name);
    status.textContent = tr("Showing {shown} of {total} changes", {shown: shown, total: rows.length}) +
      (name === "all" ? "" : tr(" \u2014 filter: {label}", {label: label(name)}));
  }

  function choose(name, remember) {
    var input = document.getElementById("filter-" + name);
    if (!input || input.name !== "filter") { return false; }
    input.checked = true;
    apply(name);
    if (remember && window.history && window.history.replaceState) {
      try {
        window.history.replaceState(null, "", "#" + FILTER_PREFIX + encodeURIComponent(name));
      } catch (error) { /* a page opened from a mail may not change its address: keep the view */ }
    }
    return true;
  }

  /* A link to a unit that the current filter hides shows everything again. */
  function reveal() {
    var id = fragment();
    if (id.indexOf(FILTER_PREFIX) === 0) {
      choose(id.slice(FILTER_PREFIX.length), false);
      return;
    }
    var target = id ? document.getElementById(id) : null;
    if (!target) { return; }
    var row = target.closest("article.change");
    if (row && row.hidden) { choose("all", false); }
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

  /* Print what is needed on paper: the routine rows the chosen filter shows, and the footnotes
     that changed; what was closed on screen is closed again after printing. */
  var openedForPrint = [];
  window.addEventListener("beforeprint", function () {
    openedForPrint = [];
    document.querySelectorAll("article.change:not([hidden]) details.routine-body, details.notes.changed")
      .forEach(function (details) {
        if (!details.open && !details.closest("article.change[hidden]")) {
          details.open = true;
          openedForPrint.push(details);
        }
      });
  });
  window.addEventListener("afterprint", function () {
    openedForPrint.forEach(function (details) { details.open = false; });
    openedForPrint = [];
  });

  document.querySelectorAll('input[name="filter"]').forEach(function (input) {
    input.addEventListener("change", function () { choose(chosen(), true); });
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
