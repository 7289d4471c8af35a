// SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
// SPDX-License-Identifier: Apache-2.0
// A module of the course as a SCORM 1.2 SCO. This launch page holds the SCORM session; the module's
// lessons, pages of the HTML course, open in its frame. When a learner answers a knowledge check
// there, the page tells the LMS: one interaction per answer, the score over the module's questions
// (the latest answer to each), and the status: incomplete until every question is answered, then
// passed or failed against the mastery score (the LMS's, else the course's pass mark). The session
// time is sent when the page is left. Without an LMS the page works as the HTML course does. The words
// of the status line come with the data, in the course's language (courseware/lms/scorm.py).
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("cw-sco").textContent);
  var frame = document.querySelector("iframe.cw-sco-lesson");
  var status = document.querySelector(".cw-sco-status");
  var started = new Date();
  var latest = {};  // question id -> true (right) or false (wrong)
  var api = null;
  var finished = false;

  function find(win) {
    for (var depth = 0; win && depth < 10; depth += 1) {
      try { if (win.API) { return win.API; } } catch (e) { return null; }  // another origin: no API there
      if (win.parent === win) { break; }
      win = win.parent;
    }
    return null;
  }

  function set(element, value) { api.LMSSetValue(element, String(value)); }

  // The words the data names, their {name} placeholders filled from values.
  function say(name, values) {
    return String((data.words || {})[name] || "").replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  }

  function pad(number, width) { var text = String(number); while (text.length < width) { text = "0" + text; } return text; }

  function clock(date) { return pad(date.getHours(), 2) + ":" + pad(date.getMinutes(), 2) + ":" + pad(date.getSeconds(), 2); }

  function timespan(milliseconds) {  // CMITimespan: HHHH:MM:SS.SS
    var hundredths = Math.round(milliseconds / 10);
    var seconds = Math.floor(hundredths / 100);
    return pad(Math.floor(seconds / 3600), 4) + ":" + pad(Math.floor(seconds / 60) % 60, 2) + ":" +
      pad(seconds % 60, 2) + "." + pad(hundredths % 100, 2);
  }

  function passMark() {
    var mastery = parseFloat(api.LMSGetValue("cmi.student_data.mastery_score"));
    return isNaN(mastery) ? data.passMark : mastery;
  }

  function report() {
    var ids = Object.keys(latest);
    var right = ids.filter(function (id) { return latest[id]; }).length;
    var score = Math.round(100 * right / data.questions.length);
    var all = ids.length === data.questions.length;
    var text = say(all ? "scored" : "answered", {answered: ids.length, total: data.questions.length, right: right,
                                                 score: score});
    if (api) {
      set("cmi.core.score.raw", score);
      if (all) {
        set("cmi.core.lesson_status", score >= passMark() ? "passed" : "failed");
      }
      api.LMSCommit("");
    }
    if (status) { status.textContent = text; }
  }

  function answered(question, letter) {
    var right = letter === question.key;
    latest[question.id] = right;
    if (api) {
      var n = parseInt(api.LMSGetValue("cmi.interactions._count"), 10) || 0;
      var at = "cmi.interactions." + n + ".";
      set(at + "id", question.id);
      set(at + "type", "choice");
      set(at + "time", clock(new Date()));
      set(at + "weighting", 1);
      set(at + "student_response", letter.toLowerCase());
      set(at + "correct_responses.0.pattern", question.key.toLowerCase());
      set(at + "result", right ? "correct" : "wrong");
      question.objectives.forEach(function (objective, index) { set(at + "objectives." + index + ".id", objective); });
    }
    report();
  }

  function watch() {  // each time a lesson opens in the frame
    var page, doc;
    try { page = frame.contentWindow.location.pathname; doc = frame.contentDocument; } catch (e) { return; }
    if (!doc || doc.cwScorm) { return; }
    doc.cwScorm = true;
    var here = data.questions.filter(function (q) { return new URL(q.page, location.href).pathname === page; });
    doc.addEventListener("change", function (event) {
      var input = event.target;
      if (!input.matches || !input.matches("fieldset.cw-question input[type=radio]")) { return; }
      var question = here.filter(function (q) { return q.field === input.name; })[0];
      if (question) { answered(question, input.value); }
    });
  }

  function finish() {
    if (!api || finished) { return; }
    finished = true;
    set("cmi.core.session_time", timespan(new Date() - started));
    set("cmi.core.exit", "");
    api.LMSCommit("");
    api.LMSFinish("");
  }

  api = find(window) || (window.opener ? find(window.opener) : null);
  if (api && String(api.LMSInitialize("")) !== "true") { api = null; }
  if (api) {
    var before = api.LMSGetValue("cmi.core.lesson_status");
    if (before === "not attempted" || before === "") { set("cmi.core.lesson_status", "incomplete"); }
    set("cmi.core.score.min", 0);
    set("cmi.core.score.max", 100);
    api.LMSCommit("");
  }
  frame.addEventListener("load", watch);
  if (frame.contentDocument && frame.contentDocument.readyState === "complete") { watch(); }
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);
})();
