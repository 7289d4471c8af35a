// SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
// SPDX-License-Identifier: Apache-2.0
// The HTML course's only script: the facilitator-view switch and quiz feedback.
// No network, no third-party code.
(function () {
  "use strict";
  var KEY = "courseware-facilitator-view";
  var root = document.documentElement;

  function setFacilitator(on, button) {
    root.classList.toggle("cw-show-facilitator", on);
    if (button) {
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.textContent = on ? "Facilitator view: on" : "Facilitator view: off";
    }
    try { localStorage.setItem(KEY, on ? "1" : "0"); } catch (e) { /* private mode */ }
  }

  function addSwitch() {
    if (!document.querySelector(".cw-facilitator")) { return; }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "cw-facilitator-switch";
    button.title = "Show the slide bullets and facilitator notes of this page";
    button.addEventListener("click", function () {
      setFacilitator(!root.classList.contains("cw-show-facilitator"), button);
    });
    document.body.appendChild(button);
    var stored = null;
    try { stored = localStorage.getItem(KEY); } catch (e) { /* private mode */ }
    setFacilitator(stored === "1", button);
  }

  function answer(question, input) {
    var options = question.querySelectorAll("li.cw-option");
    var right = question.querySelector("input[data-correct]");
    options.forEach(function (li) { li.classList.remove("cw-picked-right", "cw-picked-wrong"); });
    var picked = input.closest("li");
    var correct = input === right;
    picked.classList.add(correct ? "cw-picked-right" : "cw-picked-wrong");
    var feedback = question.querySelector(".cw-feedback");
    if (feedback) {
      feedback.textContent = correct
        ? "Correct."
        : "Not quite: the answer is " + (right ? right.value : "?") + ".";
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

  document.addEventListener("DOMContentLoaded", function () {
    addSwitch();
    wireQuizzes();
  });
})();
