// The newsroom's editors, improved: live preview, autosave, a warning before leaving unsaved changes.
// Everything works without it; it only saves clicks and keeps work safe. The article editor and the page
// editor share the preview and the warning; autosave and the publishing controls are the article editor's.
(function () {
  "use strict";

  var form = document.querySelector("form[data-preview]");
  if (!form) return;

  var csrf = form.querySelector("input[name=csrf]").value;
  var body = document.getElementById("body");
  var format = form.querySelector("[name=body_format]");
  var preview = document.getElementById("preview");
  var dirty = false;
  var changedSinceAutosave = false;

  // Fields only: a file chosen for upload goes with the real save, not with previews and autosaves.
  function fieldsOf(data) {
    var fields = new URLSearchParams();
    data.forEach(function (value, name) {
      if (typeof value === "string") fields.append(name, value);
    });
    return fields;
  }

  function post(url, data) {
    data.set("csrf", csrf);
    return fetch(url, {
      method: "POST",
      body: fieldsOf(data),
      credentials: "same-origin",
      headers: { "X-CSRF-Token": csrf }
    });
  }

  // Live preview, rendered by the same renderer as the public page, in the format the body is written in.
  var previewTimer = null;
  function refreshPreview() {
    var data = new FormData();
    data.set("body", body.value);
    if (format) data.set("body_format", format.value);
    post(form.dataset.preview, data).then(function (response) {
      if (response.ok) return response.text();
      throw new Error("preview " + response.status);
    }).then(function (html) {
      preview.innerHTML = html; // the server's sanitized rendering
    }).catch(function () { /* the preview catches up on the next keystroke */ });
  }
  function previewSoon() {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(refreshPreview, 350);
  }
  if (body && preview) {
    body.addEventListener("input", previewSoon);
    if (format) format.addEventListener("change", previewSoon);
  }

  // Unsaved changes.
  form.addEventListener("input", function () {
    dirty = true;
    changedSinceAutosave = true;
  });
  form.addEventListener("change", function () {
    dirty = true;
    changedSinceAutosave = true;
  });
  form.addEventListener("submit", function () {
    dirty = false;
  });
  window.addEventListener("beforeunload", function (event) {
    if (!dirty) return;
    event.preventDefault();
    event.returnValue = "";
  });

  if (!form.dataset.autosave) return; // what follows is the article editor's alone
  var idField = form.querySelector("input[name=id]");
  var status = document.getElementById("autosave-status");

  // Autosave: what is typed is kept every so often, without changing the article itself.
  function autosave() {
    if (!changedSinceAutosave) return;
    changedSinceAutosave = false;
    post(form.dataset.autosave, new FormData(form)).then(function (response) {
      return response.json().then(function (answer) { return { ok: response.ok, answer: answer }; });
    }).then(function (result) {
      if (!result.ok) {
        status.textContent = "Not kept yet: " + Object.values(result.answer.problems || {}).join(" ");
        changedSinceAutosave = true;
        return;
      }
      if (!idField.value) {
        idField.value = result.answer.id;
        form.action = result.answer.editUrl;
        history.replaceState(null, "", result.answer.editUrl);
        var version = document.createElement("input");
        version.type = "hidden";
        version.name = "version";
        version.value = result.answer.version;
        form.appendChild(version);
      }
      status.textContent = "Kept automatically at " + result.answer.savedAt + ".";
    }).catch(function () {
      changedSinceAutosave = true;
      status.textContent = "Could not keep your changes automatically; save before leaving.";
    });
  }
  setInterval(autosave, 20000);

  // The note is asked for only when the change is an update or a correction.
  var noteField = document.getElementById("note-field");
  var kinds = form.querySelectorAll("input[name=edit]");
  function showNote() {
    if (!noteField) return;
    var chosen = form.querySelector("input[name=edit]:checked");
    noteField.hidden = !chosen || chosen.value === "minor";
  }
  kinds.forEach(function (kind) { kind.addEventListener("change", showNote); });
  showNote();

  // "Publish" becomes "Schedule" when a moment ahead is chosen.
  var publishAt = document.getElementById("publish_at");
  var publishButton = document.getElementById("publish-button");
  if (publishAt && publishButton) {
    var label = publishButton.textContent;
    var relabel = function () {
      var when = publishAt.value ? new Date(publishAt.value) : null;
      publishButton.textContent = when && when > new Date() ? "Schedule" : label;
    };
    publishAt.addEventListener("input", relabel);
    relabel();
  }
})();
