// A form whose answer takes a while (data-busy, e.g. a dry run over every account) says so while the browser waits,
// in its status element (data-status, a role="status" region), and its submit buttons are disabled so that a second
// click does not send it again.
document.addEventListener('submit', function (event) {
  var form = event.target;
  var message = form.getAttribute('data-busy');
  if (!message) {
    return;
  }
  var status = document.getElementById(form.getAttribute('data-status'));
  if (status) {
    status.textContent = message;
  }
  form.querySelectorAll('button[type=submit]').forEach(function (button) {
    button.disabled = true;
  });
});
