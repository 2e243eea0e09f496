// Mamori: small progressive enhancements only; every page works without script (CSP: script-src 'self').
document.addEventListener('DOMContentLoaded', function () {
  // Organisation chooser: switch as soon as another organisation is picked (the button stays for keyboard users).
  document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
    select.addEventListener('change', function () {
      if (select.form) select.form.submit();
    });
  });
});

// Print buttons (the readiness report): no inline handlers under the CSP.
document.addEventListener('click', function (e) {
  var b = e.target.closest && e.target.closest('[data-print]');
  if (b) { e.preventDefault(); window.print(); }
});
