/* resdiff report: the filter bar, the two toggles, the filter kept in the address, and the print
   view. Each row lists, in data-filters, the filters that keep it (decided in render/html.py), so
   this script holds no rule of its own. Without the script every row shows, which is the "All" view.

   The address: "#filter=added" chooses a filter (a link to it can be mailed); any other fragment
   is a link to a row or a unit ("#new-OP12"), shown even when the filter hides it. A fragment that
   is not valid percent-encoding is ignored, never an error. */
(function () {
  "use strict";
  var rows = Array.prototype.slice.call(document.querySelectorAll("article.change"));
  var status = document.getElementById("status");
  var FILTER_PREFIX = "filter=";

  function radio(name) {
    return document.getElementById("filter-" + name);
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
    var raw = window.location.hash.slice(1);
    try {
      return decodeURIComponent(raw);
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
    status.textContent = "Showing " + shown + " of " + rows.length + " changes" +
      (name === "all" ? "" : " \u2014 filter: " + label(name));
  }

  function choose(name, remember) {
    var input = radio(name);
    if (!input) { return false; }
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
  window.addEventListener("hashchange", reveal);
  apply(chosen());
  reveal();
}());
