// SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
// SPDX-License-Identifier: Apache-2.0
// The HTML course's only script: the facilitator-view switch, quiz feedback and
// the figure viewer. No network, no third-party code. Its words come from courseware-words.js, which
// the build writes in the course's language (courseware/html/__init__.py) and pages load first.
(function () {
  "use strict";
  var KEY = "courseware-facilitator-view";
  var root = document.documentElement;
  var WORDS = window.coursewareWords || {};

  // A word in the course's language, its {name} placeholders filled from values.
  function say(name, values) {
    return String(WORDS[name] || "").replace(/\{(\w+)\}/g, function (whole, key) {
      return values && Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  }

  // -- Facilitator view: the switch is in the page (courseware/html/__init__.py) --
  function wireSwitches() {
    var buttons = document.querySelectorAll(".cw-facilitator-switch");
    if (!buttons.length) { return; }
    function set(on) {
      root.classList.toggle("cw-show-facilitator", on);
      buttons.forEach(function (button) { button.setAttribute("aria-pressed", on ? "true" : "false"); });
      try { localStorage.setItem(KEY, on ? "1" : "0"); } catch (e) { /* private mode */ }
    }
    buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        set(!root.classList.contains("cw-show-facilitator"));
      });
    });
    var stored = null;
    try { stored = localStorage.getItem(KEY); } catch (e) { /* private mode */ }
    set(stored === "1");
  }

  // -- Knowledge checks --
  function answer(question, input) {
    var options = question.querySelectorAll("li.cw-option");
    var right = question.querySelector("input[data-correct]");
    options.forEach(function (li) { li.classList.remove("cw-picked-right", "cw-picked-wrong"); });
    var picked = input.closest("li");
    var correct = input === right;
    picked.classList.add(correct ? "cw-picked-right" : "cw-picked-wrong");
    var feedback = question.querySelector(".cw-feedback");
    if (feedback) {
      feedback.textContent = correct ? say("correct") : say("notQuite", {answer: right ? right.value : "?"});
      feedback.className = "cw-feedback " + (correct ? "cw-right" : "cw-wrong");
    }
    var explanation = question.querySelector("details.cw-explanation");
    if (explanation) { explanation.open = true; }
  }

  function wireQuizzes() {
    document.querySelectorAll("fieldset.cw-question").forEach(function (question) {
      question.addEventListener("change", function (event) {
        if (event.target.matches("input[type=radio]")) { answer(question, event.target); }
      });
    });
  }

  // -- Figures: a link to the image file (courseware/html/figures.py); here, a viewer --
  // A modal <dialog>: the image at full size in a box that scrolls, closed by its
  // button, Escape or a click outside; focus returns to the figure's link.
  function openViewer(link) {
    var image = link.querySelector("img");
    var figure = link.closest("figure");
    var caption = figure ? figure.querySelector("figcaption .caption-text") : null;
    var dialog = document.createElement("dialog");
    dialog.className = "cw-viewer";
    var label = caption ? caption.textContent.trim() : (image ? image.alt : "");
    dialog.setAttribute("aria-label", label ? say("figureNamed", {caption: label}) : say("figure"));
    var bar = document.createElement("div");
    bar.className = "cw-viewer-bar";
    var file = document.createElement("a");
    file.href = link.href;
    file.textContent = say("openImage");
    var close = document.createElement("button");
    close.type = "button";
    close.className = "cw-viewer-close";
    close.textContent = say("close");
    bar.append(file, close);
    var frame = document.createElement("div");
    frame.className = "cw-viewer-frame";
    var big = document.createElement("img");
    big.src = link.href;
    big.alt = image ? image.alt : "";
    frame.append(big);
    dialog.append(bar, frame);
    close.addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("click", function (event) { if (event.target === dialog) { dialog.close(); } });
    dialog.addEventListener("close", function () { dialog.remove(); link.focus(); });
    document.body.append(dialog);
    dialog.showModal();
    close.focus();
  }

  function wireFigures() {
    if (typeof HTMLDialogElement !== "function") { return; }  // the plain link still works
    document.querySelectorAll("a.cw-figure-link").forEach(function (link) {
      link.addEventListener("click", function (event) {
        if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) { return; }
        event.preventDefault();
        openViewer(link);
      });
    });
  }

  // -- furo's two side panels are both <aside>: name them, so each landmark is told apart --
  function nameLandmarks() {
    [[".sidebar-drawer", "courseNavigation"], [".toc-drawer", "onThisPage"]].forEach(function (pair) {
      var aside = document.querySelector("aside" + pair[0]);
      if (aside && !aside.hasAttribute("aria-label")) { aside.setAttribute("aria-label", say(pair[1])); }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    nameLandmarks();
    wireSwitches();
    wireQuizzes();
    wireFigures();
  });
})();
