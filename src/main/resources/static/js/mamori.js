// Mamori: small progressive enhancements only; every page works without script (CSP: script-src 'self').
document.addEventListener('DOMContentLoaded', function () {
  // Organisation chooser: switch as soon as another organisation is picked (the button stays for keyboard users).
  document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
    select.addEventListener('change', function () {
      if (select.form) select.form.submit();
    });
  });
});
