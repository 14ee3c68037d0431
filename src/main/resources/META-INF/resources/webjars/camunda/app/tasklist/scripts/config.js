// Stocktake's Tasklist settings: this file, on the application's classpath, takes the place of the
// one in Camunda's webjar (camunda-webapp-webjar, app/tasklist/scripts/config.js).
export default {
  // English, with dates the UK way: 31 March 2027, 17:00
  locales: {
    availableLocales: ['en'],
    fallbackLocale: 'en'
  },
  dateFormat: {
    monthName: 'MMMM',
    day: 'D',
    abbr: 'D MMM YYYY, HH:mm',
    normal: 'D MMMM YYYY, HH:mm',
    long: 'dddd D MMMM YYYY, HH:mm',
    short: 'D MMMM YYYY'
  },
  // scripts/stocktake.js: UK date entry in forms, and Stocktake's one sign-in after signing out
  customScripts: ['scripts/stocktake'],
  disableWelcomeMessage: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    }
  }
};
