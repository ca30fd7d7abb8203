// arrowsync console: the CSRF token on every htmx request, live updates marked as such, lines shown and hidden in
// place, the consumption chart.
(function () {
  "use strict";

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.content : null;
  }

  document.addEventListener("htmx:configRequest", function (event) {
    var header = meta("csrf-header");
    var token = meta("csrf-token");
    if (header && token) {
      event.detail.headers[header] = token;
    }
    // A page polling for live progress is not the user acting: the idle timeout ignores such requests.
    if (event.detail.elt && event.detail.elt.hasAttribute("data-poll")) {
      event.detail.headers["X-Console-Poll"] = "1";
    }
  });

  // A form, or the button that submits it, that asks for confirmation (data-confirm) only submits once the user
  // agreed. htmx sends its forms itself, so those ask as htmx is about to send them (htmx:confirm).
  // A box that was ticked when the page came and is unticked now (data-confirm-off) asks too: unticking "Active" is
  // what the Deactivate button does, which asks.
  function asking(form, submitter) {
    if (submitter && submitter.hasAttribute && submitter.hasAttribute("data-confirm")) {
      return submitter.getAttribute("data-confirm");
    }
    if (form && form.querySelectorAll) {
      var unticked = Array.prototype.filter.call(form.querySelectorAll("input[data-confirm-off]"), function (box) {
        return box.defaultChecked && !box.checked;
      });
      if (unticked.length > 0) {
        return unticked[0].getAttribute("data-confirm-off");
      }
    }
    return form && form.hasAttribute && form.hasAttribute("data-confirm") ? form.getAttribute("data-confirm") : null;
  }

  // Agreed here: the server, which asks again a form sent without JavaScript, is told so.
  function markConfirmed(form) {
    if (form && form.tagName === "FORM" && !form.querySelector("input[name='confirmed']")) {
      var confirmed = document.createElement("input");
      confirmed.type = "hidden";
      confirmed.name = "confirmed";
      confirmed.value = "true";
      form.appendChild(confirmed);
    }
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.hasAttribute("hx-post")) {
      return;
    }
    var question = asking(form, event.submitter);
    if (question && !window.confirm(question)) {
      event.preventDefault();
      return;
    }
    if (question) {
      markConfirmed(form);
    }
    // A second press while the page is on its way (a double click) would post the form twice: it is not sent again.
    // A form that reads (get) may be sent again: a download leaves the page where it is.
    if (String(form.method).toLowerCase() !== "post") {
      return;
    }
    if (form.hasAttribute("data-submitted")) {
      event.preventDefault();
      return;
    }
    form.setAttribute("data-submitted", "");
  }, true);

  // A page shown again from the browser's history (back) may submit its forms once more.
  window.addEventListener("pageshow", function (event) {
    // A preview computed against Arrow when it loaded is computed again when Back brings it from the browser's cache:
    // what it would book may have been booked since.
    if (event.persisted && document.body.hasAttribute("data-computed-now")) {
      window.location.reload();
      return;
    }
    document.querySelectorAll("form[data-submitted]").forEach(function (form) {
      form.removeAttribute("data-submitted");
    });
  });

  document.addEventListener("htmx:confirm", function (event) {
    // Pressed again while its first request is on its way: dropped here, before htmx would queue it to follow
    if (event.detail.elt && event.detail.elt.hasAttribute("data-busy")) {
      event.preventDefault();
      return;
    }
    var trigger = event.detail.triggeringEvent;
    var question = asking(event.detail.elt, trigger && trigger.submitter);
    if (question) {
      event.preventDefault();
      if (window.confirm(question)) {
        markConfirmed(event.detail.elt.tagName === "FORM" ? event.detail.elt : event.detail.elt.form);
        event.detail.issueRequest(true);
      }
    }
  });

  // A button that shows lines in place (data-toggles: its label) hides them again when pressed once more.
  function shownBy(button) {
    return button && button.hasAttribute && button.hasAttribute("data-toggles")
      ? document.getElementById(button.getAttribute("aria-controls")) : null;
  }

  document.addEventListener("htmx:beforeRequest", function (event) {
    var button = event.detail.elt;
    var lines = shownBy(button);
    if (lines && lines.innerHTML.trim() !== "") {
      event.preventDefault();
      lines.innerHTML = "";
      button.textContent = button.getAttribute("data-toggles");
      button.setAttribute("aria-expanded", "false");
    }
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    var button = event.detail.requestConfig ? event.detail.requestConfig.elt : null;
    if (shownBy(button)) {
      button.textContent = "Hide lines";
      button.setAttribute("aria-expanded", "true");
    }
    // A refusal lands in the page's message area, which a long page may have scrolled away from: it is brought into view.
    var target = event.detail.target;
    if (target && target.id === "messages" && target.innerHTML.trim() !== "") {
      target.scrollIntoView({ block: "nearest" });
    }
  });

  // While an in-page request is on its way, what sent it says so and cannot send it again.
  function busyButtons(elt) {
    if (!elt) {
      return [];
    }
    if (elt.tagName === "FORM") {
      return Array.prototype.slice.call(elt.querySelectorAll("button, input[type=submit]"));
    }
    return elt.tagName === "BUTTON" ? [elt] : [];
  }

  // Marked busy, not disabled: a disabled button loses the keyboard's focus to the page, which htmx cannot give back,
  // so Enter pressed again did nothing. A request asked again while its sender is busy is dropped (htmx:confirm).
  document.addEventListener("htmx:beforeSend", function (event) {
    var elt = event.detail.elt;
    if (!elt || elt.hasAttribute("data-poll")) {
      return;
    }
    elt.setAttribute("data-busy", "true");
    busyButtons(elt).forEach(function (button) {
      button.setAttribute("aria-disabled", "true");
      button.setAttribute("aria-busy", "true");
    });
  });

  document.addEventListener("htmx:afterRequest", function (event) {
    var elt = event.detail.elt;
    if (elt) {
      elt.removeAttribute("data-busy");
    }
    busyButtons(elt).forEach(function (button) {
      button.removeAttribute("aria-disabled");
      button.removeAttribute("aria-busy");
    });
  });

  // No answer at all (the server stopped, the network dropped): said in the message area instead of nothing.
  document.addEventListener("htmx:sendError", function () {
    var messages = document.getElementById("messages");
    if (messages) {
      messages.innerHTML = "";
      var notice = document.createElement("div");
      notice.className = "notice warn";
      notice.setAttribute("role", "alert");
      notice.textContent = "The server did not answer. Reload the page to see what was done before trying again.";
      messages.appendChild(notice);
      messages.scrollIntoView({ block: "nearest" });
    }
  });

  function drawChart() {
    var holder = document.getElementById("consumption-chart");
    var data = document.getElementById("consumption-chart-data");
    if (!holder || !data || typeof uPlot === "undefined") {
      return;
    }
    var months = JSON.parse(data.textContent);
    if (months.length === 0) {
      return;
    }
    var xs = months.map(function (_, i) { return i; });
    var provisional = months.map(function (m) { return m.provisional == null ? null : Number(m.provisional); });
    var finals = months.map(function (m) { return m.final_amount == null ? null : Number(m.final_amount); });
    var width = Math.max(320, Math.min(holder.clientWidth || 800, 1100) - 20);
    holder.innerHTML = "";
    new uPlot({
      width: width,
      height: 260,
      scales: { x: { time: false, range: [-0.6, months.length - 0.4] }, y: { range: (u, min, max) => [Math.min(0, min), Math.max(0, max) * 1.05 || 1] } },
      axes: [
        { values: function (_, ticks) { return ticks.map(function (t) { return months[t] ? months[t].period : ""; }); },
          splits: function () { return xs; } },
        { size: 70 }
      ],
      series: [
        { label: "Month", value: function (_, i) { return months[i] ? months[i].period : ""; } },
        { label: "Provisional", fill: "rgba(31,95,191,0.55)", stroke: "#1f5fbf", paths: uPlot.paths.bars({ size: [0.35, 60], align: -1 }), points: { show: false } },
        { label: "Final (Arrow)", fill: "rgba(29,122,70,0.55)", stroke: "#1d7a46", paths: uPlot.paths.bars({ size: [0.35, 60], align: 1 }), points: { show: false } }
      ]
    }, [xs, provisional, finals], holder);
  }

  document.addEventListener("DOMContentLoaded", drawChart);
})();
