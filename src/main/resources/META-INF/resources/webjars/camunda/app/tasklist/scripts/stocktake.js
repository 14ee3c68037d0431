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

export default [];
