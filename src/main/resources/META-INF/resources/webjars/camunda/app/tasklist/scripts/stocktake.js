// Stocktake's additions to Tasklist, loaded through config.js (customScripts) before any form shows.

// Dates typed into a Camunda Form are read the UK way (31/03/2027), whatever language the browser
// is set to: the forms' date picker takes its format from the browser's default locale, and a US
// default read 31/03/2027 as a month 31. Only the default is replaced; a locale asked for by name
// is kept.
const BrowserDateTimeFormat = Intl.DateTimeFormat;

function UkDateTimeFormat(locales, options) {
  return new BrowserDateTimeFormat(locales === undefined || locales === 'default' ? 'en-GB' : locales, options);
}

UkDateTimeFormat.prototype = BrowserDateTimeFormat.prototype;
UkDateTimeFormat.supportedLocalesOf = BrowserDateTimeFormat.supportedLocalesOf;
Intl.DateTimeFormat = UkDateTimeFormat;

// Signed out, or the session over: Stocktake's one sign-in page, not Tasklist's own form (whose
// sign-in the server no longer takes).
function toStocktakeSignIn() {
  if (window.location.hash.indexOf('#/login') === 0) {
    window.location.replace('/login?logout');
  }
}

window.addEventListener('hashchange', toStocktakeSignIn);
toStocktakeSignIn();

// A value the server refuses is shown at its field, as the form's own checks show theirs, not only
// in Tasklist's notice: Stocktake's refusals read "field: what is wrong; other: ...".
const REFUSED = /([A-Za-z]+): ([^;]+)/g;

function fieldInput(name) {
  return document.querySelector(`.fjs-form [id$="Field_${name}"], .fjs-form [id*="Field_${name}-"]`);
}

function showAtFields(notice) {
  document.querySelectorAll('.stocktake-refusal').forEach(old => old.remove());
  for (const [, name, problem] of notice.matchAll(REFUSED)) {
    const input = fieldInput(name);
    const field = input && input.closest('.fjs-form-field');
    if (field) {
      const message = document.createElement('div');
      message.className = 'fjs-form-field-error stocktake-refusal';
      message.id = `${input.id}-refusal`;
      message.textContent = problem.trim().replace(/^./, first => first.toUpperCase());
      field.appendChild(message);
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', `${input.getAttribute('aria-describedby') || ''} ${message.id}`.trim());
      // the message goes once the value is changed
      input.addEventListener('input', () => {
        message.remove();
        input.removeAttribute('aria-invalid');
      }, {once: true});
    }
  }
}

new MutationObserver(changes => {
  for (const change of changes) {
    for (const added of change.addedNodes) {
      const notice = added.nodeType === Node.ELEMENT_NODE && (added.matches('.alert-danger') ? added : added.querySelector('.alert-danger'));
      if (notice) {
        showAtFields(notice.textContent);
      }
    }
  }
}).observe(document.body, {childList: true, subtree: true});

export default [];
