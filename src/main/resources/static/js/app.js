// htmx requests carry the CSRF token the page was rendered with.
document.addEventListener("htmx:configRequest", function (event) {
  var token = document.querySelector("meta[name='_csrf']");
  var header = document.querySelector("meta[name='_csrf_header']");
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// A secret shown once (webhooks): focusing its field selects it, ready to copy.
document.addEventListener('focusin', function (e) {
  if (e.target.matches && e.target.matches('[data-select-on-focus]')) {
    e.target.select();
  }
});
