// The comment form, improved: "Reply" moves the form under the comment being answered, a reader who asked
// to be remembered finds the form filled in, and a page left open for hours gets a fresh form token when
// its reader comes back to write. Without this script all still works: "Reply" reloads the page with the
// form set to reply, the form is simply empty, and a token lasts a day.
(function () {
  "use strict";

  var respond = document.getElementById("respond");
  var form = document.getElementById("commentform");
  if (!respond || !form) return;

  // Remembered name, email and website come from this reader's own cookie, never from the page.
  var remembered = document.cookie.split("; ").filter(function (c) {
    return c.indexOf("dateline_commenter=") === 0;
  })[0];
  if (remembered) {
    try {
      var values = JSON.parse(decodeURIComponent(remembered.substring("dateline_commenter=".length).replace(/\+/g, " ")));
      ["name", "email", "website"].forEach(function (field) {
        var input = document.getElementById(field);
        if (input && !input.value && values[field]) input.value = values[field];
      });
      document.getElementById("remember").checked = true;
    } catch (ignored) { /* an unreadable cookie leaves the form empty */ }
  }

  // A reader who starts writing an hour or more after the page was loaded gets a fresh token for the form.
  // The hour is measured on this browser's own clock, so a clock set wrong does not matter.
  var token = document.getElementById("form_token");
  var tokenSince = Date.now();
  form.addEventListener("focusin", function () {
    if (!token || Date.now() - tokenSince < 3600 * 1000) return;
    tokenSince = Date.now();
    var article = form.querySelector("input[name=article]").value;
    fetch("/comments/token?article=" + encodeURIComponent(article), { credentials: "same-origin", cache: "no-store" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (fresh) { if (fresh) token.value = fresh; })
      .catch(function () { /* the page's own token is sent, and judged as it is */ });
  });

  var parent = document.getElementById("comment_parent");
  var title = document.getElementById("reply-title-text");
  var cancel = document.getElementById("cancel-comment-reply-link");
  var home = document.createElement("div");
  home.id = "respond-home";
  home.hidden = true;
  respond.parentNode.insertBefore(home, respond);

  function replyTo(link) {
    var article = document.querySelector("#comment-" + link.dataset.commentId + " > .comment-body");
    if (!article) return false;
    article.parentNode.insertBefore(respond, article.nextSibling);
    parent.value = link.dataset.commentId;
    title.textContent = "Leave a Reply to " + link.dataset.name;
    cancel.hidden = false;
    document.getElementById("comment").focus();
    return true;
  }

  function cancelReply() {
    home.parentNode.insertBefore(respond, home.nextSibling);
    parent.value = "";
    title.textContent = title.dataset.default;
    cancel.hidden = true;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest(".comment-reply-link");
    if (link && replyTo(link)) event.preventDefault();
  });
  cancel.addEventListener("click", function (event) {
    if (!parent.value) return;
    event.preventDefault();
    cancelReply();
  });
})();
